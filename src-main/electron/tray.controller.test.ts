import type { Menu, MenuItemConstructorOptions, NativeImage } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { readPngHeader } from './png.codec';
import { TrayController, type TrayApi } from './tray.controller';

function fakes(platform: NodeJS.Platform) {
  const reps: { scaleFactor: number; buffer: Buffer }[] = [];
  const image = { addRepresentation: (r: { scaleFactor: number; buffer: Buffer }) => reps.push(r), setTemplateImage: vi.fn() };
  const tray = { setToolTip: vi.fn(), setContextMenu: vi.fn(), on: vi.fn(), destroy: vi.fn() };
  const menus: MenuItemConstructorOptions[][] = [];
  const api: TrayApi = {
    createTray: () => tray,
    buildMenu: (template) => {
      menus.push(template);
      return { items: template } as unknown as Menu;
    },
    nativeImage: { createEmpty: () => image as unknown as NativeImage },
  };
  const actions = { open: vi.fn(), openMine: vi.fn(), quit: vi.fn() };
  return { controller: new TrayController(api, platform, actions), tray, menus, reps, image, actions };
}

describe('TrayController', () => {
  it('starts with a menu for a signed-out app', () => {
    const { controller, tray } = fakes('linux');
    expect(controller.labels()).toEqual(['Open Topicdesk', 'Not signed in to Telegram', 'Quit Topicdesk']);
    expect(tray.setToolTip).toHaveBeenLastCalledWith('Topicdesk');
  });

  it('rebuilds the menu and tooltip when the counts change, and only then', () => {
    const { controller, tray, menus } = fakes('linux');
    controller.update({ signedIn: true, assigned: 3, unread: 1 });
    controller.update({ signedIn: true, assigned: 3, unread: 1 });
    expect(menus).toHaveLength(2);
    expect(tray.setContextMenu).toHaveBeenCalledTimes(2);
    expect(controller.labels()).toContain('Assigned to me: 3 (1 unread)');
    expect(tray.setToolTip).toHaveBeenLastCalledWith('Topicdesk — 3 assigned to you, 1 unread');
  });

  it('clicks items by id, except disabled ones', () => {
    const { controller, actions } = fakes('linux');
    expect(controller.click('mine')).toBe(false);
    expect(controller.click('quit')).toBe(true);
    expect(controller.click('nope')).toBe(false);
    expect(actions.quit).toHaveBeenCalledTimes(1);
  });

  it('opens the window on an icon click on Windows, not on macOS', () => {
    const win = fakes('win32');
    expect(win.tray.on).toHaveBeenCalledWith('click', expect.any(Function));
    (win.tray.on.mock.calls[0]?.[1] as () => void)();
    expect(win.actions.open).toHaveBeenCalled();
    expect(fakes('darwin').tray.on).not.toHaveBeenCalled();
  });

  it('draws the icon at 1x and 2x, as a template image on macOS', () => {
    const mac = fakes('darwin');
    expect(mac.reps.map((r) => [r.scaleFactor, readPngHeader(r.buffer).width])).toEqual([[1, 16], [2, 32]]);
    expect(mac.image.setTemplateImage).toHaveBeenCalledWith(true);
    const win = fakes('win32');
    expect(win.image.setTemplateImage).not.toHaveBeenCalled();
  });

  it('removes the icon on dispose', () => {
    const { controller, tray } = fakes('linux');
    controller.dispose();
    expect(tray.destroy).toHaveBeenCalled();
  });
});
