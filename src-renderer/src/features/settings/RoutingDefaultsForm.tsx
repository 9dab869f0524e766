// Routing settings: the queue for tickets no rule (or no agent) takes, when an unassigned ticket
// is flagged, and when a resolved ticket closes by itself.
import { useState, type FormEvent } from 'react';
import type { RoutingSettings } from '../../../../src-preload/contract/config.contract';
import { FieldError } from './FieldError';
import { FormFooter } from './FormFooter';
import { numberFrom } from './form.issues';
import { useSubmit } from './useSubmit';

export function RoutingDefaultsForm({ settings }: { settings: RoutingSettings }) {
  const submit = useSubmit();
  const [fallbackQueue, setFallbackQueue] = useState(settings.fallbackQueue);
  const [flagMins, setFlagMins] = useState(String(settings.unassignedFlagMins));
  const [closeMins, setCloseMins] = useState(String(settings.autoCloseResolvedAfterMins));

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    await submit.run('config.routingSettings.set', {
      fallbackQueue: fallbackQueue.trim(),
      unassignedFlagMins: numberFrom(flagMins),
      autoCloseResolvedAfterMins: numberFrom(closeMins),
    });
  }

  const { issues } = submit;
  return (
    <form className="settings-form" data-testid="routing-defaults-form" onSubmit={(event) => void save(event)}>
      <div className="form-row">
        <label>
          Fallback queue
          <input data-testid="routing-fallback" value={fallbackQueue} onChange={(e) => setFallbackQueue(e.target.value)} />
          <FieldError issues={issues} path="fallbackQueue" />
        </label>
        <label>
          Flag unassigned after (minutes)
          <input data-testid="routing-flag-mins" type="number" value={flagMins} onChange={(e) => setFlagMins(e.target.value)} />
          <FieldError issues={issues} path="unassignedFlagMins" />
        </label>
        <label>
          Close resolved after (minutes, 0 = never)
          <input data-testid="routing-close-mins" type="number" value={closeMins} onChange={(e) => setCloseMins(e.target.value)} />
          <FieldError issues={issues} path="autoCloseResolvedAfterMins" />
        </label>
      </div>
      <FormFooter issues={issues} busy={submit.busy} saved={submit.saved} testId="routing-defaults" />
    </form>
  );
}
