// Requests from the desktop shell to the UI ("open this ticket", "focus search"): the menu,
// the tray and notifications ask, the renderer acts. A live query, since the preload
// exposes only invoke/subscribe.
import { z } from 'zod';
import { InboxView } from './tickets.contract';

export const UiRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('openTicket'), ticketId: z.string().min(1) }),
  z.object({ kind: z.literal('openView'), view: InboxView }),
  z.object({ kind: z.literal('focusSearch') }),
  z.object({ kind: z.literal('selectTicket'), direction: z.enum(['next', 'previous']) }),
]);
export type UiRequest = z.infer<typeof UiRequest>;

/** Null when nothing is asked; otherwise the latest request, numbered so it is acted on once. */
export const UiRequestEnvelope = z.object({ seq: z.number().int().positive(), request: UiRequest });
export type UiRequestEnvelope = z.infer<typeof UiRequestEnvelope>;

export const uiLiveQueries = {
  'ui.requests': { params: z.object({}), result: UiRequestEnvelope.nullable() },
} as const;
