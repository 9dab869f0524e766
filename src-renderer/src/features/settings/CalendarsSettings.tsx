// Settings → Calendars: business hours the SLA clocks count in (time zone, windows, holidays).
import { useState } from 'react';
import { useLiveQuery } from '../../api/bridge-context';
import { CalendarForm } from './CalendarForm';
import { ItemList } from './ItemList';

export function CalendarsSettings() {
  const calendars = useLiveQuery('config.calendars', {}).value;
  const [selected, setSelected] = useState<string | null | undefined>(undefined);
  const [fresh, setFresh] = useState(0);
  if (!calendars) return <p className="loading">Loading…</p>;
  // Nothing chosen yet shows the first one; null is a new one.
  const current = selected === null ? null : (calendars.find((c) => c.id === selected) ?? (selected === undefined ? (calendars[0] ?? null) : null));
  return (
    <section className="settings-section wide" data-testid="settings-calendars">
      <h2>Business calendars</h2>
      <p className="muted">SLA targets count only inside these working hours; holidays count as closed.</p>
      <div className="list-and-form">
        <ItemList
          items={calendars.map((c) => ({ id: c.id, label: c.name, detail: c.timeZone }))}
          selected={current?.id ?? null}
          onSelect={(id) => {
            setSelected(id);
            setFresh((n) => n + 1);
          }}
          newLabel="New calendar"
          testId="calendars"
        />
        <CalendarForm key={fresh} calendar={current} onSaved={setSelected} onDeleted={() => {
            setSelected(null);
            setFresh((n) => n + 1);
          }} />
      </div>
    </section>
  );
}
