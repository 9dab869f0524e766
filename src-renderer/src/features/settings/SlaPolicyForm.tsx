// One SLA policy: which tickets it covers, the calendar it counts in, its first response, next
// response and resolution targets per priority, when a ticket shows as at risk, and the
// statuses that pause its clocks.
import { useState, type FormEvent } from 'react';
import { priorities, ticketStatuses, type Priority, type SlaPolicyDraft, type TicketStatus } from '../../../../src-preload/contract';
import type { Calendar, SlaPolicy, SlaTargets } from '../../../../src-preload/contract/config.contract';
import { priorityLabel, statusLabel } from '../../format';
import { FieldError } from './FieldError';
import { FormFooter } from './FormFooter';
import { listFromText, numberFrom, unplacedIssues } from './form.issues';
import { useSubmit } from './useSubmit';

type TargetKey = keyof SlaTargets;
const targetColumns: { key: TargetKey; label: string }[] = [
  { key: 'firstResponseMins', label: 'First response' },
  { key: 'nextResponseMins', label: 'Next response' },
  { key: 'resolutionMins', label: 'Resolution' },
];
type TargetText = Record<Priority, Record<TargetKey, string>>;

const defaultTargets: Record<Priority, SlaTargets> = {
  urgent: { firstResponseMins: 30, nextResponseMins: 60, resolutionMins: 240 },
  high: { firstResponseMins: 60, nextResponseMins: 120, resolutionMins: 480 },
  normal: { firstResponseMins: 240, nextResponseMins: 480, resolutionMins: 1440 },
  low: { firstResponseMins: 480, nextResponseMins: 1440, resolutionMins: 4320 },
};

const toText = (targets: Record<Priority, SlaTargets>): TargetText =>
  Object.fromEntries(priorities.map((p) => [p, Object.fromEntries(targetColumns.map(({ key }) => [key, String(targets[p][key])]))])) as TargetText;

const toggle = <T,>(list: readonly T[], value: T, on: boolean): T[] => (on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value));

interface Props {
  policy: SlaPolicy | null;
  calendars: readonly Calendar[];
  onSaved(id: string): void;
  onDeleted(): void;
}

export function SlaPolicyForm({ policy, calendars, onSaved, onDeleted }: Props) {
  const submit = useSubmit();
  const [id, setId] = useState(policy?.id ?? null);
  const [name, setName] = useState(policy?.name ?? '');
  const [order, setOrder] = useState(String(policy?.order ?? 100));
  const [calendarId, setCalendarId] = useState(policy?.calendarId ?? '');
  const [atRisk, setAtRisk] = useState(String(Math.round((policy?.atRiskFraction ?? 0.75) * 100)));
  const [pauses, setPauses] = useState<TicketStatus[]>(policy?.pauseStatuses ?? ['waiting_on_customer']);
  const [matchPriorities, setMatchPriorities] = useState<Priority[]>(policy?.match.priorities ?? []);
  const [tiers, setTiers] = useState((policy?.match.tiers ?? []).join(', '));
  const [categories, setCategories] = useState((policy?.match.categories ?? []).join(', '));
  const [targets, setTargets] = useState<TargetText>(toText(policy?.targets ?? defaultTargets));

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    const draft: SlaPolicyDraft = {
      ...(id ? { id } : {}),
      name: name.trim(),
      order: numberFrom(order),
      calendarId: calendarId || null,
      atRiskFraction: numberFrom(atRisk) / 100,
      pauseStatuses: pauses,
      match: {
        ...(matchPriorities.length ? { priorities: matchPriorities } : {}),
        ...(listFromText(tiers).length ? { tiers: listFromText(tiers) } : {}),
        ...(listFromText(categories).length ? { categories: listFromText(categories) } : {}),
      },
      targets: Object.fromEntries(
        priorities.map((p) => [p, Object.fromEntries(targetColumns.map(({ key }) => [key, numberFrom(targets[p][key])]))]),
      ) as Record<Priority, SlaTargets>,
    };
    const saved = await submit.run('config.slaPolicies.save', draft);
    if (saved) {
      setId(saved.id);
      onSaved(saved.id);
    }
  }

  async function remove(): Promise<void> {
    if (!id || !window.confirm(`Delete the SLA policy "${name}"?`)) return;
    if ((await submit.run('config.slaPolicies.delete', { id })) !== null) onDeleted();
  }

  const { issues } = submit;
  return (
    <form className="settings-form" data-testid="sla-form" onSubmit={(event) => void save(event)}>
      <div className="form-row">
        <label>
          Name
          <input data-testid="sla-name" value={name} onChange={(e) => setName(e.target.value)} />
          <FieldError issues={issues} path="name" />
        </label>
        <label className="narrow">
          Order
          <input data-testid="sla-order" type="number" value={order} onChange={(e) => setOrder(e.target.value)} />
          <FieldError issues={issues} path="order" />
        </label>
        <label>
          Counts in
          <select data-testid="sla-calendar" value={calendarId} onChange={(e) => setCalendarId(e.target.value)}>
            <option value="">Around the clock</option>
            {calendars.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <FieldError issues={issues} path="calendarId" />
        </label>
        <label className="narrow">
          At risk after (%)
          <input data-testid="sla-at-risk" type="number" value={atRisk} onChange={(e) => setAtRisk(e.target.value)} />
          <FieldError issues={issues} path="atRiskFraction" />
        </label>
      </div>
      <table className="targets-table">
        <thead>
          <tr>
            <th scope="col">Targets (minutes)</th>
            {targetColumns.map((c) => (
              <th key={c.key} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {priorities.map((p) => (
            <tr key={p}>
              <th scope="row">{priorityLabel[p]}</th>
              {targetColumns.map(({ key }) => (
                <td key={key}>
                  <input
                    type="number"
                    aria-label={`${priorityLabel[p]} ${key}`}
                    data-testid={`sla-target-${p}-${key}`}
                    value={targets[p][key]}
                    onChange={(e) => setTargets((t) => ({ ...t, [p]: { ...t[p], [key]: e.target.value } }))}
                  />
                  <FieldError issues={issues} path={`targets.${p}.${key}`} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <fieldset>
        <legend>Applies to (nothing ticked or typed = every ticket)</legend>
        <div className="checks">
          {priorities.map((p) => (
            <label key={p} className="check">
              <input type="checkbox" checked={matchPriorities.includes(p)} onChange={(e) => setMatchPriorities((list) => toggle(list, p, e.target.checked))} />
              {priorityLabel[p]}
            </label>
          ))}
        </div>
        <div className="form-row">
          <label>
            Customer tiers
            <input data-testid="sla-tiers" value={tiers} onChange={(e) => setTiers(e.target.value)} placeholder="vip, gold" />
          </label>
          <label>
            Categories
            <input data-testid="sla-categories" value={categories} onChange={(e) => setCategories(e.target.value)} placeholder="orders, billing" />
          </label>
        </div>
        <FieldError issues={issues} path="match" />
      </fieldset>
      <fieldset>
        <legend>Clocks pause while the ticket is</legend>
        <div className="checks">
          {ticketStatuses
            .filter((s) => s !== 'resolved' && s !== 'closed')
            .map((s) => (
              <label key={s} className="check">
                <input type="checkbox" checked={pauses.includes(s)} onChange={(e) => setPauses((list) => toggle(list, s, e.target.checked))} />
                {statusLabel[s]}
              </label>
            ))}
        </div>
        <FieldError issues={issues} path="pauseStatuses" />
      </fieldset>
      <FormFooter
        issues={issues}
        extra={unplacedIssues(issues, ['name', 'order', 'calendarId', 'atRiskFraction', 'targets', 'match', 'pauseStatuses'])}
        busy={submit.busy}
        saved={submit.saved}
        testId="sla"
      >
        {id && (
          <button type="button" className="danger" data-testid="sla-delete" onClick={() => void remove()} disabled={submit.busy}>
            Delete
          </button>
        )}
      </FormFooter>
    </form>
  );
}
