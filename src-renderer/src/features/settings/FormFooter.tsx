// The buttons under a settings form, its general error, and a short "Saved" after a save.
import type { ReactNode } from 'react';
import type { FormIssues } from './form.issues';

interface Props {
  issues: FormIssues;
  /** Issues no field on the form shows. */
  extra?: string[];
  busy: boolean;
  saved: boolean;
  testId: string;
  children?: ReactNode;
}

export function FormFooter({ issues, extra = [], busy, saved, testId, children }: Props) {
  const general = [issues.general, ...extra].filter(Boolean).join(' ');
  return (
    <div className="form-footer">
      {general && (
        <p className="error" role="alert" data-testid="form-error">
          {general}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" data-testid={`${testId}-save`} disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
        {children}
        {saved && !busy && (
          <span className="saved" role="status" data-testid={`${testId}-saved`}>
            Saved
          </span>
        )}
      </div>
    </div>
  );
}
