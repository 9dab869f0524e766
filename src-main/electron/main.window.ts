// The one app window: Electron's security settings, the size and place it had last time,
// and closing to the tray/Dock instead of quitting. Main process; the BrowserWindow class
// is passed in.
import type { BrowserWindow, NativeImage, WebPreferences } from 'electron';
import { PRODUCT_NAME } from './app.identity';
import type { RendererLocation } from './renderer.location';
import type { CloseAction } from './window.lifecycle';
import { fitToDisplays, loadWindowState, saveWindowState, type Rect, type WindowState } from './window.state';

/** Electron's security checklist for the page: isolated, sandboxed, no Node, no <webview>. */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
} as const satisfies WebPreferences;

export const WINDOW_SIZE = { width: 1360, height: 860, minWidth: 1024, minHeight: 640 };

/** Saving waits until a drag or resize settles. */
const SAVE_DELAY_MS = 400;

export interface MainWindowDeps {
  BrowserWindow: typeof BrowserWindow;
  preload: string;
  location: RendererLocation;
  /** The displays' work areas, primary first (screen.getAllDisplays()). */
  workAreas(): Rect[];
  stateFile: string;
  /** Decided at the moment of closing: hide to tray/Dock, or really close. */
  closeAction(): CloseAction;
  icon?: NativeImage;
}

function currentState(win: BrowserWindow): WindowState {
  const { x, y, width, height } = win.getNormalBounds();
  return { x, y, width, height, maximized: win.isMaximized() };
}

export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  const state = fitToDisplays(loadWindowState(deps.stateFile), deps.workAreas(), WINDOW_SIZE);
  const win = new deps.BrowserWindow({
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: WINDOW_SIZE.minWidth,
    minHeight: WINDOW_SIZE.minHeight,
    show: false,
    title: PRODUCT_NAME,
    ...(deps.icon ? { icon: deps.icon } : {}),
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: deps.preload },
  });
  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    win.show();
  });

  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    clearTimeout(timer);
    if (!win.isDestroyed()) saveWindowState(deps.stateFile, currentState(win));
  };
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  win.on('resize', saveSoon);
  win.on('move', saveSoon);
  win.on('maximize', saveSoon);
  win.on('unmaximize', saveSoon);

  win.on('close', (event) => {
    save();
    if (deps.closeAction() === 'close') return;
    event.preventDefault();
    // Hiding a full-screen window on macOS leaves a black space behind: leave it first.
    if (win.isFullScreen()) {
      win.once('leave-full-screen', () => win.hide());
      win.setFullScreen(false);
    } else {
      win.hide();
    }
  });

  if (deps.location.kind === 'dev-server') void win.loadURL(deps.location.url);
  else void win.loadFile(deps.location.path);
  return win;
}
