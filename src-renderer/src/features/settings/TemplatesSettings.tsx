// Settings → Templates: the team's canned responses, each edited in its own form.
import { useState } from 'react';
import { useLiveQuery } from '../../api/bridge-context';
import { ItemList } from './ItemList';
import { TemplateForm } from './TemplateForm';

export function TemplatesSettings() {
  const templates = useLiveQuery('config.templates', {}).value;
  const [selected, setSelected] = useState<string | null | undefined>(undefined);
  const [fresh, setFresh] = useState(0);
  if (!templates) return <p className="loading">Loading…</p>;
  // Nothing chosen yet shows the first one; null is a new one.
  const current = selected === null ? null : (templates.find((t) => t.id === selected) ?? (selected === undefined ? (templates[0] ?? null) : null));
  return (
    <section className="settings-section wide" data-testid="settings-templates">
      <h2>Templates</h2>
      <p className="muted">Canned responses agents insert by typing / and the shortcut in the composer. Variables are filled from the ticket, the customer and their order.</p>
      <div className="list-and-form">
        <ItemList
          items={templates.map((t) => ({ id: t.id, label: t.title, detail: `/${t.shortcut}` }))}
          selected={current?.id ?? null}
          onSelect={(id) => {
            setSelected(id);
            setFresh((n) => n + 1);
          }}
          newLabel="New template"
          testId="templates"
        />
        {/* Re-mounted per document (and per "new"), so the fields show what is stored. */}
        <TemplateForm
          key={fresh}
          template={current}
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
