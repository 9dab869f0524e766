// The main window's size and position across restarts: saved as JSON in userData, and
// fitted back onto the displays there are now (a monitor may have been unplugged). Plain Node.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

export const WindowState = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowState>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowSize {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
}

/** Less of the window than this on a display, and it counts as lost off screen. */
export const MIN_VISIBLE = { width: 120, height: 60 };

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), Math.max(min, max));

/** The largest size that fits the area, but never below the window's minimum. */
function fitSize(width: number, height: number, area: Rect, size: WindowSize) {
  return {
    width: Math.max(size.minWidth, Math.min(width, area.width)),
    height: Math.max(size.minHeight, Math.min(height, area.height)),
  };
}

function centred(width: number, height: number, area: Rect) {
  return { x: Math.round(area.x + (area.width - width) / 2), y: Math.round(area.y + (area.height - height) / 2) };
}

/**
 * Where to open the window. `workAreas` are the displays' usable areas (without task bars),
 * the primary display first. A saved window mostly on some display stays there, moved and
 * shrunk just enough to fit it; one that is not on any display any more opens centred on the
 * primary one; with nothing saved, the default size opens centred there.
 */
export function fitToDisplays(saved: WindowState | null, workAreas: readonly Rect[], size: WindowSize): WindowState {
  const primary = workAreas[0];
  if (!primary) return { x: 0, y: 0, width: size.width, height: size.height, maximized: false };
  if (!saved) {
    const fitted = fitSize(size.width, size.height, primary, size);
    return { ...centred(fitted.width, fitted.height, primary), ...fitted, maximized: false };
  }
  let best: { area: Rect; visible: number } | null = null;
  for (const area of workAreas) {
    const { width, height } = overlap(saved, area);
    if (width >= MIN_VISIBLE.width && height >= MIN_VISIBLE.height && (!best || width * height > best.visible)) {
      best = { area, visible: width * height };
    }
  }
  if (!best) {
    const fitted = fitSize(saved.width, saved.height, primary, size);
    return { ...centred(fitted.width, fitted.height, primary), ...fitted, maximized: saved.maximized };
  }
  const { area } = best;
  const fitted = fitSize(saved.width, saved.height, area, size);
  return {
    x: clamp(saved.x, area.x, area.x + area.width - fitted.width),
    y: clamp(saved.y, area.y, area.y + area.height - fitted.height),
    ...fitted,
    maximized: saved.maximized,
  };
}

/** The saved state, or null when there is none or it cannot be read (then defaults apply). */
export function loadWindowState(file: string): WindowState | null {
  try {
    const parsed = WindowState.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true });
  // Write then rename, so quitting mid-write never leaves a half file.
  const temp = `${file}.tmp`;
  writeFileSync(temp, JSON.stringify(WindowState.parse(state)));
  renameSync(temp, file);
}
