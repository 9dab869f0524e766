// A field's issue from the core, shown under it.
import { issueAt, type FormIssues } from './form.issues';

export function FieldError({ issues, path, describe }: { issues: FormIssues; path: string; describe?: (below: string) => string }) {
  const found = issueAt(issues, path);
  if (!found) return null;
  const where = found.below && describe ? `${describe(found.below)}: ` : '';
  return (
    <span className="field-error" role="alert" data-testid="field-error" data-field={path}>
      {where}
      {found.message}
    </span>
  );
}
