// The desktop app's main process: one instance, one window, the core in this process and
// the IPC transport between them. The only folder that imports 'electron'.
import { join } from 'node:path';
import { app, BrowserWindow, session, shell } from 'electron';
import { startCore, type Core } from '../core/start-core';
import { attachIpcTransport } from './ipc.transport';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const rendererUrl = process.env.ELECTRON_RENDERER_URL;
const isAppFrame = (url: string) =>
  rendererUrl ? url.startsWith(rendererUrl) : url.startsWith('file://') && url.includes('/renderer/index.html');

let core: Core | null = null;
let window: BrowserWindow | null = null;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Topicdesk',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  // Links open in the system browser; the app never opens windows or navigates away.
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAppFrame(url)) event.preventDefault();
  });
  if (rendererUrl) void win.loadURL(rendererUrl);
  else void win.loadFile(join(import.meta.dirname, '../renderer/index.html'));
  return win;
}

async function boot(): Promise<void> {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  core = await startCore({
    workspace: 'default',
    storage: { kind: 'denokv', dataDir: join(app.getPath('userData'), 'workspaces', 'default') },
    version: app.getVersion(),
  });
  attachIpcTransport(core.dispatcher, isAppFrame);
  window = createWindow();
}

// Two instances would share one Telegram session (AUTH_KEY_DUPLICATED): focus the first.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.whenReady().then(boot, (error: unknown) => {
    console.error(error);
    app.exit(1);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) window = createWindow();
  });
  app.on('before-quit', () => {
    void core?.dispose();
  });
}
