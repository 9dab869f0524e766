// Settings → Routing: the ordered rules that hand new tickets to agents, and the defaults.
import { useState } from 'react';
import { useLiveQuery } from '../../api/bridge-context';
import { ItemList } from './ItemList';
import { RoutingDefaultsForm } from './RoutingDefaultsForm';
import { RoutingRuleForm } from './RoutingRuleForm';

export function RoutingSettingsSection() {
  const rules = useLiveQuery('config.routingRules', {}).value;
  const settings = useLiveQuery('config.routingSettings', {}).value;
  const agents = useLiveQuery('agents.list', {}).value;
  const [selected, setSelected] = useState<string | null | undefined>(undefined);
  const [fresh, setFresh] = useState(0);
  if (!rules || !settings || !agents) return <p className="loading">Loading…</p>;
  // Nothing chosen yet shows the first rule; null is a new one.
  const current = selected === null ? null : (rules.find((r) => r.id === selected) ?? (selected === undefined ? (rules[0] ?? null) : null));
  return (
    <section className="settings-section wide" data-testid="settings-routing">
      <h2>Routing rules</h2>
      <p className="muted">New tickets go to the first enabled rule (lowest order) whose conditions all hold.</p>
      <div className="list-and-form">
        <ItemList
          items={rules.map((r) => ({ id: r.id, label: r.name, detail: `${r.order}${r.enabled ? '' : ' · off'}` }))}
          selected={current?.id ?? null}
          onSelect={(id) => {
            setSelected(id);
            setFresh((n) => n + 1);
          }}
          newLabel="New rule"
          testId="rules"
        />
        <RoutingRuleForm
          key={fresh}
          rule={current}
          agents={agents}
          onSaved={setSelected}
          onDeleted={() => {
            setSelected(null);
            setFresh((n) => n + 1);
          }}
        />
      </div>
      <h3>Defaults</h3>
      <RoutingDefaultsForm settings={settings} />
    </section>
  );
}
