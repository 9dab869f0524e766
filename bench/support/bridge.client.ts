// A bridge client over the headless host's WebSocket, as the renderer connects: the contract's own
// createWireClient on a WirePort whose incoming frames are parsed with zod before use. Bench only.
import { WebSocket } from 'ws';
import { z } from 'zod';
import { createWireClient, type Bridge, type ClientMessage, type ServerMessage, type WirePort } from '../../src-preload/contract';
import { BRIDGE_PATH } from '../../src-main/serve/host';

const BridgeErrorFrame = z.object({ code: z.string(), message: z.string(), issues: z.array(z.string()).optional() });
const ResultFrame = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: BridgeErrorFrame }),
]);
const ServerFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('result'), id: z.number(), result: ResultFrame }),
  z.object({ type: z.literal('data'), id: z.number(), value: z.unknown() }),
  z.object({ type: z.literal('error'), id: z.number().nullable(), error: BridgeErrorFrame }),
]);

export interface BridgeConnection {
  bridge: Bridge;
  /** Frames that did not parse (should stay 0). */
  readonly badFrames: number;
  close(): void;
}

export async function connectBridge(baseUrl: string, token: string, timeoutMs = 10_000): Promise<BridgeConnection> {
  const url = new URL(BRIDGE_PATH, baseUrl.replace(/^http/, 'ws'));
  url.searchParams.set('token', token);
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no WebSocket connection to ${baseUrl} within ${timeoutMs} ms`)), timeoutMs);
    socket.once('open', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
  let badFrames = 0;
  const listeners: Array<(message: ServerMessage) => void> = [];
  socket.on('message', (data) => {
    let parsed: z.infer<typeof ServerFrame>;
    try {
      parsed = ServerFrame.parse(JSON.parse(data.toString()));
    } catch {
      badFrames += 1;
      return;
    }
    // The frame matches the wire shape; the error code set is the contract's (checked by the host).
    for (const listener of listeners) listener(parsed as ServerMessage);
  });
  const port: WirePort = {
    send: (message: ClientMessage) => socket.send(JSON.stringify(message)),
    onMessage: (listener) => void listeners.push(listener),
  };
  return {
    bridge: createWireClient(port),
    get badFrames() {
      return badFrames;
    },
    close: () => socket.close(),
  };
}
