// The application menu: the standard roles each system expects (app menu on macOS; File,
// Edit, View, Window, Help) plus Topicdesk's own Go menu, whose items ask the UI to act.
// Pure; main.ts builds it with Menu.buildFromTemplate.
import type { MenuItemConstructorOptions } from 'electron';
import { PRODUCT_NAME } from './app.identity';
import type { UiRequest } from '../core/app/ui-requests';

export interface AppMenuOptions {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  /** Brings the window forward and passes the request to the UI. */
  ask(request: UiRequest): void;
}

export interface Shortcut {
  label: string;
  accelerator: string;
  request: UiRequest;
}

/**
 * Menu accelerators need a modifier to work reliably everywhere, so the menu has these; the
 * bare keys (/ to search, j and k for next and previous) work inside the window. The views
 * use CmdOrCtrl+1…5: Cmd+Shift+Q is the macOS log-out shortcut and sits next to Quit elsewhere.
 */
export const GO_SHORTCUTS: readonly (Shortcut | 'separator')[] = [
  { label: 'Search', accelerator: 'CmdOrCtrl+F', request: { kind: 'focusSearch' } },
  { label: 'Next Ticket', accelerator: 'CmdOrCtrl+J', request: { kind: 'selectTicket', direction: 'next' } },
  { label: 'Previous Ticket', accelerator: 'CmdOrCtrl+K', request: { kind: 'selectTicket', direction: 'previous' } },
  'separator',
  { label: 'My Tickets', accelerator: 'CmdOrCtrl+1', request: { kind: 'openView', view: 'mine' } },
  { label: 'Unassigned Queue', accelerator: 'CmdOrCtrl+2', request: { kind: 'openView', view: 'unassigned' } },
  { label: 'All Open Tickets', accelerator: 'CmdOrCtrl+3', request: { kind: 'openView', view: 'all' } },
  { label: 'Waiting on Customer', accelerator: 'CmdOrCtrl+4', request: { kind: 'openView', view: 'waiting' } },
  { label: 'Resolved', accelerator: 'CmdOrCtrl+5', request: { kind: 'openView', view: 'resolved' } },
];

const separator: MenuItemConstructorOptions = { type: 'separator' };

export function applicationMenuTemplate({ platform, isPackaged, ask }: AppMenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const go: MenuItemConstructorOptions = {
    label: 'Go',
    submenu: GO_SHORTCUTS.map((s) => (s === 'separator' ? separator : { label: s.label, accelerator: s.accelerator, click: () => ask(s.request) })),
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { role: 'reload' },
      { role: 'forceReload' },
      // Developer tools only in development builds.
      ...(isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
      separator,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };
  if (mac) {
    // The app menu holds About, Hide and Quit (Cmd+Q); File has Close Window (Cmd+W).
    return [{ role: 'appMenu' }, { role: 'fileMenu' }, { role: 'editMenu' }, view, go, { role: 'windowMenu' }];
  }
  return [
    {
      label: 'File',
      submenu: [{ role: 'close', label: 'Close Window' }, separator, { role: 'quit', label: `Quit ${PRODUCT_NAME}`, accelerator: 'CmdOrCtrl+Q' }],
    },
    { role: 'editMenu' },
    view,
    go,
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ role: 'about', label: `About ${PRODUCT_NAME}` }] },
  ];
}
