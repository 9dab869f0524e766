import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { applicationMenuTemplate, GO_SHORTCUTS } from './app.menu';
import type { UiRequest } from '../core/app/ui-requests';

const build = (platform: NodeJS.Platform, isPackaged = true) => {
  const asked: UiRequest[] = [];
  return { template: applicationMenuTemplate({ platform, isPackaged, ask: (r) => asked.push(r) }), asked };
};
const submenu = (item: MenuItemConstructorOptions | undefined) => (item?.submenu ?? []) as MenuItemConstructorOptions[];
const named = (template: MenuItemConstructorOptions[], label: string) => template.find((i) => i.label === label);
const allItems = (template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  template.flatMap((item) => [item, ...allItems(submenu(item))]);

describe('applicationMenuTemplate', () => {
  it('follows macOS: app menu first, standard File/Edit/Window roles', () => {
    const { template } = build('darwin');
    expect(template.map((i) => i.role ?? i.label)).toEqual(['appMenu', 'fileMenu', 'editMenu', 'View', 'Go', 'windowMenu']);
  });

  it('gives Windows and Linux a File menu with an explicit Quit, and Help with About', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const { template } = build(platform);
      expect(template.map((i) => i.role ?? i.label)).toEqual(['File', 'editMenu', 'View', 'Go', 'windowMenu', 'help']);
      expect(submenu(named(template, 'File')).map((i) => i.role ?? i.type)).toEqual(['close', 'separator', 'quit']);
      expect(submenu(named(template, 'File'))[2]).toMatchObject({ label: 'Quit Topicdesk', accelerator: 'CmdOrCtrl+Q' });
    }
  });

  it('asks the UI to search, move between tickets and switch views', () => {
    const { template, asked } = build('linux');
    const go = submenu(named(template, 'Go'));
    expect(go.filter((i) => i.type !== 'separator').map((i) => [i.label, i.accelerator])).toEqual([
      ['Search', 'CmdOrCtrl+F'],
      ['Next Ticket', 'CmdOrCtrl+J'],
      ['Previous Ticket', 'CmdOrCtrl+K'],
      ['My Tickets', 'CmdOrCtrl+1'],
      ['Unassigned Queue', 'CmdOrCtrl+2'],
      ['All Open Tickets', 'CmdOrCtrl+3'],
      ['Waiting on Customer', 'CmdOrCtrl+4'],
      ['Resolved', 'CmdOrCtrl+5'],
    ]);
    for (const item of go) (item.click as (() => void) | undefined)?.();
    expect(asked).toEqual(GO_SHORTCUTS.flatMap((s) => (s === 'separator' ? [] : [s.request])));
  });

  it('never binds one accelerator twice, nor the system’s log-out or quit keys', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const accelerators = allItems(build(platform).template).flatMap((i) => (typeof i.accelerator === 'string' ? [i.accelerator] : []));
      expect(new Set(accelerators).size, platform).toBe(accelerators.length);
      expect(accelerators).not.toContain('CmdOrCtrl+Shift+Q');
    }
  });

  it('offers developer tools only in development builds', () => {
    const roles = (isPackaged: boolean) => allItems(build('linux', isPackaged).template).map((i) => i.role);
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(false)).toContain('toggleDevTools');
  });
});
