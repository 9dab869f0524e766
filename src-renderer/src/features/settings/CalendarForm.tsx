// One business calendar: its time zone, the working windows of each weekday and the holidays.
import { useMemo, useState, type FormEvent } from 'react';
import type { CalendarDraft } from '../../../../src-preload/contract';
import type { Calendar } from '../../../../src-preload/contract/config.contract';
import { holidaysFromText, holidaysToText, windowsFromText, windowsToText } from './calendar.text';
import { FieldError } from './FieldError';
import { FormFooter } from './FormFooter';
import { unplacedIssues } from './form.issues';
import { useSubmit } from './useSubmit';

const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const officeHours = ['', '09:00-17:00', '09:00-17:00', '09:00-17:00', '09:00-17:00', '09:00-17:00', ''];

function zones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

export function CalendarForm({ calendar, onSaved, onDeleted }: { calendar: Calendar | null; onSaved(id: string): void; onDeleted(): void }) {
  const submit = useSubmit();
  // The id once stored: a new document keeps its form (and its "Saved") after the first save.
  const [id, setId] = useState(calendar?.id ?? null);
  const [name, setName] = useState(calendar?.name ?? '');
  const [timeZone, setTimeZone] = useState(calendar?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [weekly, setWeekly] = useState<string[]>(calendar ? calendar.weekly.map(windowsToText) : officeHours);
  const [holidays, setHolidays] = useState(calendar ? holidaysToText(calendar.holidays) : '');
  const [unreadable, setUnreadable] = useState<Record<number, string>>({});
  const timeZones = useMemo(() => zones(), []);

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    const parsed = weekly.map(windowsFromText);
    const bad = Object.fromEntries(parsed.flatMap((p, day) => (p.unreadable ? [[day, `"${p.unreadable}" is not HH:MM-HH:MM`]] : [])));
    setUnreadable(bad);
    if (Object.keys(bad).length > 0) return;
    const draft: CalendarDraft = {
      ...(id ? { id } : {}),
      name: name.trim(),
      timeZone: timeZone.trim(),
      weekly: parsed.map((p) => p.windows),
      holidays: holidaysFromText(holidays),
    };
    const saved = await submit.run('config.calendars.save', draft);
    if (saved) {
      setId(saved.id);
      onSaved(saved.id);
    }
  }

  async function remove(): Promise<void> {
    if (!id || !window.confirm(`Delete "${name}"?`)) return;
    if ((await submit.run('config.calendars.delete', { id })) !== null) onDeleted();
  }

  const { issues } = submit;
  return (
    <form className="settings-form" data-testid="calendar-form" onSubmit={(event) => void save(event)}>
      <div className="form-row">
        <label>
          Name
          <input data-testid="calendar-name" value={name} onChange={(e) => setName(e.target.value)} />
          <FieldError issues={issues} path="name" />
        </label>
        <label>
          Time zone
          <input data-testid="calendar-timezone" list="calendar-zones" value={timeZone} onChange={(e) => setTimeZone(e.target.value)} />
          <datalist id="calendar-zones">
            {timeZones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          <FieldError issues={issues} path="timeZone" />
        </label>
      </div>
      <fieldset>
        <legend>Working hours (several windows per day: 09:00-12:00, 13:00-17:00; blank = closed)</legend>
        {weekdays.map((day, index) => (
          <label key={day} className="weekday">
            <span>{day}</span>
            <input
              data-testid={`calendar-day-${index}`}
              value={weekly[index] ?? ''}
              onChange={(e) => setWeekly((w) => w.map((v, i) => (i === index ? e.target.value : v)))}
              placeholder="closed"
            />
            {unreadable[index] && (
              <span className="field-error" role="alert" data-testid="field-error">
                {unreadable[index]}
              </span>
            )}
            <FieldError issues={issues} path={`weekly.${index}`} />
          </label>
        ))}
      </fieldset>
      <label>
        Holidays (one per line: 2026-12-25 Christmas (yearly))
        <textarea data-testid="calendar-holidays" rows={4} value={holidays} onChange={(e) => setHolidays(e.target.value)} />
        <FieldError issues={issues} path="holidays" describe={(below) => `line ${Number(below.split('.')[0]) + 1}`} />
      </label>
      <FormFooter issues={issues} extra={unplacedIssues(issues, ['name', 'timeZone', 'weekly', 'holidays'])} busy={submit.busy} saved={submit.saved} testId="calendar">
        {id && (
          <button type="button" className="danger" data-testid="calendar-delete" onClick={() => void remove()} disabled={submit.busy}>
            Delete
          </button>
        )}
      </FormFooter>
    </form>
  );
}
