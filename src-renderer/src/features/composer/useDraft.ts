// A ticket's draft: restored once when the composer opens, saved ~400 ms after typing stops
// (and at once when the ticket is left), cleared after sending. Kept by the core on this device.
import { useCallback, useEffect, useRef } from 'react';
import type { Draft, DraftKind } from '../../../../src-preload/contract';
import { useBridge, useLiveQuery } from '../../api/bridge-context';

export const DRAFT_SAVE_DELAY_MS = 400;

export interface DraftControls {
  /** Save this text after the typing pause. */
  schedule(kind: DraftKind, text: string): void;
  /** Drop any pending save and delete the stored draft (after sending). */
  clear(): void;
}

export function useDraft(ticketId: string, onRestore: (draft: Draft) => void): DraftControls {
  const bridge = useBridge();
  const { value: draft } = useLiveQuery('composer.draft', { ticketId });
  const restored = useRef(false);
  const restore = useRef(onRestore);
  const pending = useRef<{ kind: DraftKind; text: string } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    restore.current = onRestore;
  });

  useEffect(() => {
    if (restored.current || draft === undefined) return;
    restored.current = true;
    if (draft) restore.current(draft);
  }, [draft]);

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const save = pending.current;
    pending.current = null;
    if (save) void bridge.invoke('composer.saveDraft', { ticketId, ...save });
  }, [bridge, ticketId]);

  // Leaving the ticket (or closing the window) must not lose the last keystrokes.
  useEffect(() => {
    window.addEventListener('beforeunload', flush);
    return () => {
      window.removeEventListener('beforeunload', flush);
      flush();
    };
  }, [flush]);

  const schedule = useCallback(
    (kind: DraftKind, text: string) => {
      // Typed before the stored draft arrived: what is typed now wins.
      restored.current = true;
      pending.current = { kind, text };
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, DRAFT_SAVE_DELAY_MS);
    },
    [flush],
  );

  const clear = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    pending.current = null;
    void bridge.invoke('composer.saveDraft', { ticketId, kind: 'agent', text: '' });
  }, [bridge, ticketId]);

  return { schedule, clear };
}
