// The messages that carry the contract over any transport (Electron IPC or WebSocket).
// The core parses every incoming one with these schemas; anything else gets `bad_message`.
import { z } from 'zod';
import type { BridgeError, Result } from './result';

const RequestId = z.number().int().nonnegative();

export const ClientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('call'), id: RequestId, method: z.string().max(100), params: z.unknown() }),
  z.object({ type: z.literal('subscribe'), id: RequestId, query: z.string().max(100), params: z.unknown() }),
  z.object({ type: z.literal('unsubscribe'), id: RequestId }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

export type ServerMessage =
  /** The answer to a `call`. */
  | { type: 'result'; id: number; result: Result<unknown> }
  /** A live query's current value; sent first on subscribe and again on every change. */
  | { type: 'data'; id: number; value: unknown }
  /** A live query failed, or a message could not be read at all (`id` null). */
  | { type: 'error'; id: number | null; error: BridgeError };

/** The smallest thing a transport must offer: send a message, and hear messages back. */
export interface WirePort {
  send(message: ClientMessage): void;
  onMessage(listener: (message: ServerMessage) => void): void;
  /** Called whenever the port (re)connects, so live queries can be re-sent. */
  onOpen?(listener: () => void): void;
  /** Called when the port loses its connection: pending calls fail as `unavailable`. */
  onClose?(listener: () => void): void;
}

/** The one IPC channel the Electron transport uses, in both directions. */
export const IPC_BRIDGE_CHANNEL = 'topicdesk:bridge';
