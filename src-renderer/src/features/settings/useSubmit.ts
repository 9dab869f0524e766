// Runs one save or delete through the bridge for a settings form and keeps what the form
// shows about it: busy, the core's issues by field, and whether the last save went through.
import { useCallback, useState } from 'react';
import type { CommandName, CommandParams, CommandResult } from '../../../../src-preload/contract';
import { useBridge } from '../../api/bridge-context';
import { formIssues, noIssues, type FormIssues } from './form.issues';

export interface Submit {
  busy: boolean;
  issues: FormIssues;
  saved: boolean;
  run<N extends CommandName>(name: N, params: CommandParams<N>, options?: { conflictField?: string }): Promise<CommandResult<N> | null>;
  reset(): void;
}

export function useSubmit(): Submit {
  const bridge = useBridge();
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<FormIssues>(noIssues);
  const [saved, setSaved] = useState(false);

  const run = useCallback(
    async <N extends CommandName>(name: N, params: CommandParams<N>, options: { conflictField?: string } = {}): Promise<CommandResult<N> | null> => {
      setBusy(true);
      setSaved(false);
      const result = await bridge.invoke(name, params);
      setBusy(false);
      if (!result.ok) {
        setIssues(formIssues(result.error, options.conflictField));
        return null;
      }
      setIssues(noIssues);
      setSaved(true);
      return result.value;
    },
    [bridge],
  );

  const reset = useCallback(() => {
    setIssues(noIssues);
    setSaved(false);
  }, []);

  return { busy, issues, saved, run, reset };
}
