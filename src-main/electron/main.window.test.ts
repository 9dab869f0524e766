import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMainWindow, SECURE_WEB_PREFERENCES } from './main.window';
import { rendererLocation } from './renderer.location';
import type { CloseAction } from './window.lifecycle';
import { loadWindowState, saveWindowState } from './window.state';

class FakeWindow extends EventEmitter {
  static last: FakeWindow | null = null;
  visible = false;
  maximized = false;
  fullScreen = false;
  loaded: string | null = null;
  bounds: { x: number; y: number; width: number; height: number };
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    this.bounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width ?? 0, height: options.height ?? 0 };
    FakeWindow.last = this;
  }
  show() { this.visible = true; }
  hide() { this.visible = false; }
  maximize() { this.maximized = true; }
  isMaximized() { return this.maximized; }
  isFullScreen() { return this.fullScreen; }
  setFullScreen(on: boolean) { this.fullScreen = on; if (!on) this.emit('leave-full-screen'); }
  isDestroyed() { return false; }
  getNormalBounds() { return this.bounds; }
  loadFile(path: string) { this.loaded = path; return Promise.resolve(); }
  loadURL(url: string) { this.loaded = url; return Promise.resolve(); }
  /** Fires 'close' as Electron does; true when the close went through. */
  tryClose(): boolean {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    return !prevented;
  }
}

const dirs: string[] = [];
afterEach(() => {
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
  vi.useRealTimers();
});

function open(options: { close?: CloseAction; saved?: Parameters<typeof saveWindowState>[1]; dev?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'td-win-'));
  dirs.push(dir);
  const stateFile = join(dir, 'window-state.json');
  if (options.saved) saveWindowState(stateFile, options.saved);
  const location = options.dev
    ? rendererLocation({ isPackaged: false, devServerUrl: 'http://localhost:5173', rendererDir: '/app/out/renderer' })
    : rendererLocation({ isPackaged: true, devServerUrl: undefined, rendererDir: '/app/out/renderer' });
  const action = { value: options.close ?? 'hide' };
  createMainWindow({
    BrowserWindow: FakeWindow as unknown as typeof BrowserWindow,
    preload: '/app/out/preload/index.cjs',
    location,
    workAreas: () => [{ x: 0, y: 0, width: 1920, height: 1080 }],
    stateFile,
    closeAction: () => action.value as CloseAction,
  });
  return { win: FakeWindow.last!, stateFile, action };
}

describe('createMainWindow', () => {
  it('uses Electron’s security settings with the app’s preload', () => {
    const { win } = open();
    expect(win.options.webPreferences).toEqual({ ...SECURE_WEB_PREFERENCES, preload: '/app/out/preload/index.cjs' });
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
  });

  it('loads the built page, or the dev server while developing', () => {
    expect(open().win.loaded).toBe('/app/out/renderer/index.html');
    expect(open({ dev: true }).win.loaded).toBe('http://localhost:5173/');
  });

  it('opens where it was last time, maximized again if it was, once the page is ready', () => {
    const { win } = open({ saved: { x: 200, y: 100, width: 1300, height: 900, maximized: true } });
    expect(win.options).toMatchObject({ x: 200, y: 100, width: 1300, height: 900, show: false });
    expect(win.visible).toBe(false);
    win.emit('ready-to-show');
    expect([win.visible, win.maximized]).toEqual([true, true]);
  });

  it('hides instead of closing, and closes when quitting; saving its place either way', () => {
    const { win, stateFile, action } = open({ close: 'hide' });
    win.show();
    win.bounds = { x: 10, y: 20, width: 1100, height: 700 };
    expect(win.tryClose()).toBe(false);
    expect(win.visible).toBe(false);
    expect(loadWindowState(stateFile)).toEqual({ x: 10, y: 20, width: 1100, height: 700, maximized: false });
    action.value = 'close';
    expect(win.tryClose()).toBe(true);
  });

  it('leaves full screen before hiding', () => {
    const { win } = open({ close: 'hide' });
    win.show();
    win.fullScreen = true;
    win.tryClose();
    expect([win.fullScreen, win.visible]).toEqual([false, false]);
  });

  it('saves its size and place once a move or resize settles', () => {
    vi.useFakeTimers();
    const { win, stateFile } = open();
    win.bounds = { x: 50, y: 60, width: 1200, height: 800 };
    win.emit('move');
    win.emit('resize');
    expect(loadWindowState(stateFile)).toBeNull();
    vi.advanceTimersByTime(1000);
    expect(loadWindowState(stateFile)).toMatchObject({ x: 50, y: 60, width: 1200, height: 800 });
  });
});
