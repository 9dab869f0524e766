// The messages between the sync-live scenario and its second app (sync-peer.child.ts) over the Node IPC
// channel, as zod schemas: both sides parse what they receive. Times are wall-clock milliseconds with
// sub-millisecond precision (performance.timeOrigin + performance.now()), comparable across processes.
import { z } from 'zod';

export const PeerCommand = z.discriminatedUnion('type', [
  z.object({ type: z.literal('state') }),
  z.object({ type: z.literal('watch'), id: z.number(), ticketId: z.string(), status: z.string() }),
  z.object({ type: z.literal('stop') }),
]);
export type PeerCommand = z.infer<typeof PeerCommand>;

export const PeerReply = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('state'), tickets: z.number(), automationIdle: z.boolean() }),
  /** The live query's first emission is in: the change may be made now. */
  z.object({ type: z.literal('watching'), id: z.number() }),
  z.object({ type: z.literal('seen'), id: z.number(), at: z.number() }),
  z.object({ type: z.literal('failed'), message: z.string() }),
]);
export type PeerReply = z.infer<typeof PeerReply>;

export const wallClock = () => performance.timeOrigin + performance.now();
