// Business-hours fields as a person types them: a day's windows as `09:00-17:00, 18:00-20:00`
// and holidays one per line as `2026-12-25 Christmas (yearly)`. Pure; renderer. The core
// checks what the windows and dates mean (end after start, real dates).
import type { Holiday, WorkingWindow } from '../../../../src-preload/contract/config.contract';

const WINDOW = /^(\d{1,2}):(\d{2})\s*[-–—]\s*(\d{1,2}):(\d{2})$/;
const pad = (hours: string) => hours.padStart(2, '0');

/** Blank or "closed" is no hours that day; a part that is not `HH:MM-HH:MM` is named back. */
export function windowsFromText(text: string): { windows: WorkingWindow[]; unreadable: string | null } {
  const trimmed = text.trim();
  if (trimmed === '' || /^closed$/i.test(trimmed)) return { windows: [], unreadable: null };
  const windows: WorkingWindow[] = [];
  for (const part of trimmed.split(',').map((p) => p.trim()).filter(Boolean)) {
    const match = WINDOW.exec(part);
    if (!match) return { windows, unreadable: part };
    windows.push({ start: `${pad(match[1] ?? '')}:${match[2]}`, end: `${pad(match[3] ?? '')}:${match[4]}` });
  }
  return { windows, unreadable: null };
}

export const windowsToText = (windows: readonly WorkingWindow[]): string => windows.map((w) => `${w.start}-${w.end}`).join(', ');

/** One holiday per line: the date first, then its name; `(yearly)` at the end repeats it every year. */
export function holidaysFromText(text: string): Holiday[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const yearly = /\(?\byearly\b\)?$/i.test(line);
      const rest = line.replace(/\s*\(?\byearly\b\)?$/i, '');
      const [date = '', ...name] = rest.split(/\s+/);
      return { date, name: name.join(' '), yearly };
    });
}

export const holidaysToText = (holidays: readonly Holiday[]): string =>
  holidays.map((h) => `${h.date}${h.name ? ` ${h.name}` : ''}${h.yearly ? ' (yearly)' : ''}`).join('\n');
