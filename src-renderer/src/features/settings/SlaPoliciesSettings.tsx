// Settings → SLA policies: targets per priority, the first matching policy (by order) applies.
import { useState } from 'react';
import { useLiveQuery } from '../../api/bridge-context';
import { ItemList } from './ItemList';
import { SlaPolicyForm } from './SlaPolicyForm';

export function SlaPoliciesSettings() {
  const policies = useLiveQuery('config.slaPolicies', {}).value;
  const calendars = useLiveQuery('config.calendars', {}).value;
  const [selected, setSelected] = useState<string | null | undefined>(undefined);
  const [fresh, setFresh] = useState(0);
  if (!policies || !calendars) return <p className="loading">Loading…</p>;
  // Nothing chosen yet shows the first one; null is a new one.
  const current = selected === null ? null : (policies.find((p) => p.id === selected) ?? (selected === undefined ? (policies[0] ?? null) : null));
  return (
    <section className="settings-section wide" data-testid="settings-sla">
      <h2>SLA policies</h2>
      <p className="muted">The first policy (lowest order) whose conditions match a ticket sets its deadlines.</p>
      <div className="list-and-form">
        <ItemList
          items={policies.map((p) => ({ id: p.id, label: p.name, detail: `order ${p.order}` }))}
          selected={current?.id ?? null}
          onSelect={(id) => {
            setSelected(id);
            setFresh((n) => n + 1);
          }}
          newLabel="New SLA policy"
          testId="sla-policies"
        />
        <SlaPolicyForm
          key={fresh}
          policy={current}
          calendars={calendars}
          onSaved={setSelected}
          onDeleted={() => {
            setSelected(null);
            setFresh((n) => n + 1);
          }}
        />
      </div>
    </section>
  );
}
