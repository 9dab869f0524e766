// One routing rule: its conditions (all must hold; none = every ticket), where matching tickets
// go (an agent, anyone with a skill, or a queue) and how agents take turns.
import { useState, type FormEvent } from 'react';
import type { Agent, RoutingRuleDraft } from '../../../../src-preload/contract';
import type { RoutingRule, RoutingStrategy, RoutingTarget } from '../../../../src-preload/contract/config.contract';
import { ConditionEditor } from './ConditionEditor';
import { FieldError } from './FieldError';
import { FormFooter } from './FormFooter';
import { numberFrom, unplacedIssues } from './form.issues';
import { conditionFromText, conditionToText, type ConditionText } from './routing.conditions';
import { useSubmit } from './useSubmit';

type TargetKind = RoutingTarget['kind'];

function targetValue(target: RoutingTarget | undefined): string {
  if (!target) return '';
  return target.kind === 'agent' ? target.agentId : target.kind === 'skill' ? target.skill : target.queue;
}

function targetFrom(kind: TargetKind, value: string): RoutingTarget {
  const v = value.trim();
  return kind === 'agent' ? { kind, agentId: v } : kind === 'skill' ? { kind, skill: v } : { kind, queue: v };
}

interface Props {
  rule: RoutingRule | null;
  agents: readonly Agent[];
  onSaved(id: string): void;
  onDeleted(): void;
}

export function RoutingRuleForm({ rule, agents, onSaved, onDeleted }: Props) {
  const submit = useSubmit();
  const [id, setId] = useState(rule?.id ?? null);
  const [name, setName] = useState(rule?.name ?? '');
  const [order, setOrder] = useState(String(rule?.order ?? 50));
  const [enabled, setEnabled] = useState(rule?.enabled ?? true);
  const [strategy, setStrategy] = useState<RoutingStrategy>(rule?.strategy ?? 'round_robin');
  const [targetKind, setTargetKind] = useState<TargetKind>(rule?.target.kind ?? 'skill');
  const [target, setTarget] = useState(targetValue(rule?.target));
  const [conditions, setConditions] = useState<ConditionText[]>((rule?.conditions ?? []).map(conditionToText));

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    const draft: RoutingRuleDraft = {
      ...(id ? { id } : {}),
      name: name.trim(),
      order: numberFrom(order),
      enabled,
      strategy,
      target: targetFrom(targetKind, target),
      conditions: conditions.map(conditionFromText),
    };
    const saved = await submit.run('config.routingRules.save', draft);
    if (saved) {
      setId(saved.id);
      onSaved(saved.id);
    }
  }

  async function remove(): Promise<void> {
    if (!id || !window.confirm(`Delete the routing rule "${name}"?`)) return;
    if ((await submit.run('config.routingRules.delete', { id })) !== null) onDeleted();
  }

  const { issues } = submit;
  return (
    <form className="settings-form" data-testid="rule-form" onSubmit={(event) => void save(event)}>
      <div className="form-row">
        <label>
          Name
          <input data-testid="rule-name" value={name} onChange={(e) => setName(e.target.value)} />
          <FieldError issues={issues} path="name" />
        </label>
        <label className="narrow">
          Order
          <input data-testid="rule-order" type="number" value={order} onChange={(e) => setOrder(e.target.value)} />
          <FieldError issues={issues} path="order" />
        </label>
        <label className="check">
          <input type="checkbox" data-testid="rule-enabled" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
          Enabled
        </label>
      </div>
      <fieldset>
        <legend>When all of these hold (none: every ticket)</legend>
        {conditions.map((condition, index) => (
          <ConditionEditor
            key={index}
            index={index}
            condition={condition}
            issues={issues}
            onChange={(next) => setConditions((list) => list.map((c, i) => (i === index ? next : c)))}
            onRemove={() => setConditions((list) => list.filter((_, i) => i !== index))}
          />
        ))}
        <button type="button" data-testid="rule-add-condition" onClick={() => setConditions((list) => [...list, { kind: 'keywords', text: '', min: '', max: '' }])}>
          + Add condition
        </button>
      </fieldset>
      <div className="form-row">
        <label>
          Send to
          <select data-testid="rule-target-kind" value={targetKind} onChange={(e) => setTargetKind(e.target.value as TargetKind)}>
            <option value="skill">Agents with the skill</option>
            <option value="agent">One agent</option>
            <option value="queue">A queue (nobody yet)</option>
          </select>
        </label>
        <label>
          {targetKind === 'agent' ? 'Agent' : targetKind === 'skill' ? 'Skill' : 'Queue'}
          {targetKind === 'agent' ? (
            <select data-testid="rule-target" value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="">Choose…</option>
              {agents.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          ) : (
            <input data-testid="rule-target" value={target} onChange={(e) => setTarget(e.target.value)} placeholder={targetKind === 'skill' ? 'billing' : 'general'} />
          )}
          <FieldError issues={issues} path="target" />
        </label>
        <label>
          Who gets it
          <select data-testid="rule-strategy" value={strategy} onChange={(e) => setStrategy(e.target.value as RoutingStrategy)}>
            <option value="round_robin">In turn (round robin)</option>
            <option value="least_loaded">The least loaded</option>
          </select>
        </label>
      </div>
      <FormFooter
        issues={issues}
        extra={unplacedIssues(issues, ['name', 'order', 'conditions', 'target', 'strategy', 'enabled'])}
        busy={submit.busy}
        saved={submit.saved}
        testId="rule"
      >
        {id && (
          <button type="button" className="danger" data-testid="rule-delete" onClick={() => void remove()} disabled={submit.busy}>
            Delete
          </button>
        )}
      </FormFooter>
    </form>
  );
}
