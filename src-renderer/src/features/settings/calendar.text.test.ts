// Business hours as typed: windows per day and holiday lines, both ways.
import { describe, expect, it } from 'vitest';
import { holidaysFromText, holidaysToText, windowsFromText, windowsToText } from './calendar.text';

describe('windows', () => {
  it('reads several windows, padding hours, and blank or "closed" as none', () => {
    expect(windowsFromText('9:00-12:30, 13:30 – 17:00')).toEqual({
      windows: [
        { start: '09:00', end: '12:30' },
        { start: '13:30', end: '17:00' },
      ],
      unreadable: null,
    });
    expect(windowsFromText('  ')).toEqual({ windows: [], unreadable: null });
    expect(windowsFromText('Closed')).toEqual({ windows: [], unreadable: null });
  });

  it('names the part it cannot read', () => {
    expect(windowsFromText('09:00-17:00, 9 to 5').unreadable).toBe('9 to 5');
  });

  it('writes windows back the same way', () => {
    expect(windowsToText([{ start: '22:00', end: '24:00' }])).toBe('22:00-24:00');
  });
});

describe('holidays', () => {
  it('reads a date, a name and an optional yearly mark per line', () => {
    expect(holidaysFromText('2026-12-25 Christmas Day (yearly)\n\n2026-04-03 Good Friday\n2026-01-01 yearly')).toEqual([
      { date: '2026-12-25', name: 'Christmas Day', yearly: true },
      { date: '2026-04-03', name: 'Good Friday', yearly: false },
      { date: '2026-01-01', name: '', yearly: true },
    ]);
  });

  it('round-trips', () => {
    const holidays = [
      { date: '2026-12-25', name: 'Christmas', yearly: true },
      { date: '2026-04-03', name: 'Good Friday', yearly: false },
    ];
    expect(holidaysFromText(holidaysToText(holidays))).toEqual(holidays);
  });
});
