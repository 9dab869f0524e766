// Asks the core whether typed `{{…}}` placeholders can be filled, shortly after typing stops,
// so an unknown variable shows (and blocks Send) before the agent tries to send.
import { useEffect, useState } from 'react';
import type { TemplateRender } from '../../../../src-preload/contract';
import { useBridge } from '../../api/bridge-context';
import { hasPlaceholders } from './composer.text';

const CHECK_DELAY_MS = 250;

export interface PlaceholderCheck {
  /** The core's answer for exactly this text; null while there is nothing to check or no answer yet. */
  result: TemplateRender | null;
  /** The text has placeholders and the core has not answered for it yet (an order lookup can take a moment). */
  pending: boolean;
}

export function usePlaceholderCheck(ticketId: string, text: string): PlaceholderCheck {
  const bridge = useBridge();
  const [checked, setChecked] = useState<{ text: string; result: TemplateRender | null } | null>(null);
  const needed = hasPlaceholders(text);
  useEffect(() => {
    if (!needed) return;
    let current = true;
    const timer = setTimeout(() => {
      void bridge.invoke('composer.check', { ticketId, text }).then((answer) => {
        // A failed check (the core unreachable) is not a verdict: Send checks again itself.
        if (current) setChecked({ text, result: answer.ok ? answer.value : null });
      });
    }, CHECK_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [bridge, ticketId, text, needed]);
  const answered = needed && checked?.text === text;
  return { result: answered ? checked.result : null, pending: needed && !answered };
}
