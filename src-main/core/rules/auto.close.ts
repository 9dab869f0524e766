// When a resolved ticket closes by itself (pure; core lifecycle timer).
import type { Ticket } from '../../../src-preload/contract';
import type { RoutingSettings } from '../../../src-preload/contract/config.contract';

const MINUTE = 60_000;

/** The instant a resolved ticket should be closed; null if not resolved or auto-close is off (0). */
export function autoCloseAt(
  ticket: Pick<Ticket, 'status' | 'resolvedAt' | 'updatedAt' | 'fieldTimes'>,
  settings: Pick<RoutingSettings, 'autoCloseResolvedAfterMins'>,
): number | null {
  if (ticket.status !== 'resolved' || settings.autoCloseResolvedAfterMins <= 0) return null;
  const resolvedAt = ticket.resolvedAt ?? ticket.fieldTimes.status ?? ticket.updatedAt;
  return resolvedAt + settings.autoCloseResolvedAfterMins * MINUTE;
}

export function shouldAutoClose(
  ticket: Pick<Ticket, 'status' | 'resolvedAt' | 'updatedAt' | 'fieldTimes'>,
  now: number,
  settings: Pick<RoutingSettings, 'autoCloseResolvedAfterMins'>,
): boolean {
  const due = autoCloseAt(ticket, settings);
  return due !== null && now >= due;
}
