import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fitToDisplays, loadWindowState, saveWindowState, type Rect, type WindowState } from './window.state';

const size = { width: 1360, height: 860, minWidth: 1024, minHeight: 640 };
const laptop: Rect = { x: 0, y: 25, width: 1440, height: 875 }; // primary, menu bar on top
const monitor: Rect = { x: 1440, y: -200, width: 2560, height: 1400 }; // to the right, higher
const state = (s: Partial<WindowState>): WindowState => ({ x: 100, y: 100, width: 1200, height: 800, maximized: false, ...s });

describe('fitToDisplays', () => {
  it('opens the default size centred on the primary display the first time', () => {
    expect(fitToDisplays(null, [laptop, monitor], size)).toEqual({ x: 40, y: 33, width: 1360, height: 860, maximized: false });
  });

  it('shrinks the default to a small primary display, but not below the minimum', () => {
    expect(fitToDisplays(null, [{ x: 0, y: 0, width: 1280, height: 720 }], size)).toEqual({ x: 0, y: 0, width: 1280, height: 720, maximized: false });
    expect(fitToDisplays(null, [{ x: 0, y: 0, width: 800, height: 600 }], size)).toMatchObject({ width: 1024, height: 640 });
  });

  it('reopens exactly where it was when that still fits', () => {
    const saved = state({ x: 1600, y: -100, width: 1800, height: 1000, maximized: true });
    expect(fitToDisplays(saved, [laptop, monitor], size)).toEqual(saved);
  });

  it('moves a window hanging off the edge back inside the display it is mostly on', () => {
    expect(fitToDisplays(state({ x: 3500, y: 900, width: 1200, height: 800 }), [laptop, monitor], size)).toEqual(
      state({ x: 2800, y: 400, width: 1200, height: 800 }),
    );
    expect(fitToDisplays(state({ x: -300, y: 0 }), [laptop], size)).toEqual(state({ x: 0, y: 25 }));
  });

  it('shrinks a window larger than its display to the display', () => {
    expect(fitToDisplays(state({ x: 1500, y: -200, width: 3000, height: 1600 }), [laptop, monitor], size)).toEqual(
      state({ x: 1440, y: -200, width: 2560, height: 1400 }),
    );
  });

  it('brings back a window from a display that was unplugged, centred on the primary one', () => {
    expect(fitToDisplays(state({ x: 1600, y: 0, width: 1800, height: 1000, maximized: true }), [laptop], size)).toEqual({
      x: 0,
      y: 25,
      width: 1440,
      height: 875,
      maximized: true,
    });
  });

  it('treats a window with only a sliver on screen as lost', () => {
    const sliver = state({ x: 1440 - 50, y: 100, width: 1200, height: 800 });
    expect(fitToDisplays(sliver, [laptop], size)).toEqual(state({ x: 120, y: 63, width: 1200, height: 800 }));
  });

  it('picks the display holding the larger part of a window that spans two', () => {
    const spanning = state({ x: 1000, y: 100, width: 1200, height: 800 }); // 440 px left, 760 px right
    expect(fitToDisplays(spanning, [laptop, monitor], size)).toMatchObject({ x: 1440, y: 100 });
  });
});

describe('window state file', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  const file = () => {
    const dir = mkdtempSync(join(tmpdir(), 'td-window-'));
    dirs.push(dir);
    return join(dir, 'nested', 'window-state.json');
  };

  it('saves and loads', () => {
    const path = file();
    expect(loadWindowState(path)).toBeNull();
    saveWindowState(path, state({ maximized: true }));
    expect(loadWindowState(path)).toEqual(state({ maximized: true }));
  });

  it('ignores a damaged or foreign file', () => {
    const path = file();
    saveWindowState(path, state({}));
    writeFileSync(path, '{"x": 1, "y"');
    expect(loadWindowState(path)).toBeNull();
    writeFileSync(path, JSON.stringify({ x: 1, y: 2, width: -5, height: 10, maximized: false }));
    expect(loadWindowState(path)).toBeNull();
  });

  it('refuses to save nonsense', () => {
    const path = file();
    expect(() => saveWindowState(path, state({ width: 0 }))).toThrow();
    expect(() => readFileSync(path)).toThrow();
  });
});
