// One condition of a routing rule: what it looks at and the value it wants.
import type { ConditionKind, ConditionText } from './routing.conditions';
import { conditionKinds } from './routing.conditions';
import { FieldError } from './FieldError';
import type { FormIssues } from './form.issues';

interface Props {
  index: number;
  condition: ConditionText;
  issues: FormIssues;
  onChange(next: ConditionText): void;
  onRemove(): void;
}

export function ConditionEditor({ index, condition, issues, onChange, onRemove }: Props) {
  const hint = conditionKinds.find((k) => k.kind === condition.kind)?.hint ?? '';
  return (
    <div className="condition" data-testid="rule-condition">
      <select aria-label="Condition" data-testid="condition-kind" value={condition.kind} onChange={(e) => onChange({ ...condition, kind: e.target.value as ConditionKind })}>
        {conditionKinds.map((k) => (
          <option key={k.kind} value={k.kind}>
            {k.label}
          </option>
        ))}
      </select>
      {condition.kind === 'order_value' ? (
        <>
          <input aria-label="At least" data-testid="condition-min" type="number" placeholder="min" value={condition.min} onChange={(e) => onChange({ ...condition, min: e.target.value })} />
          <input aria-label="At most" data-testid="condition-max" type="number" placeholder="max" value={condition.max} onChange={(e) => onChange({ ...condition, max: e.target.value })} />
        </>
      ) : (
        <input aria-label="Value" data-testid="condition-value" placeholder={hint} value={condition.text} onChange={(e) => onChange({ ...condition, text: e.target.value })} />
      )}
      <button type="button" aria-label="Remove this condition" onClick={onRemove}>
        ×
      </button>
      <FieldError issues={issues} path={`conditions.${index}`} />
    </div>
  );
}
