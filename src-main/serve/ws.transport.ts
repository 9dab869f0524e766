// The WebSocket transport of the bridge contract (the headless host's counterpart of the
// Electron IPC transport in ../electron/ipc.transport.ts): JSON frames in, JSON frames out,
// one dispatcher session per socket.
import type { WebSocket } from 'ws';
import type { Dispatcher } from '../core/dispatcher';

/** Frames larger than this are refused rather than parsed. */
export const MAX_FRAME_BYTES = 1024 * 1024;

export function attachWebSocket(socket: WebSocket, dispatcher: Dispatcher): void {
  const session = dispatcher.openSession((message) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  });
  socket.on('message', (data, isBinary) => {
    let raw: unknown;
    try {
      if (isBinary) throw new Error('binary frame');
      raw = JSON.parse(data.toString());
    } catch {
      socket.send(JSON.stringify({ type: 'error', id: null, error: { code: 'bad_message', message: 'Frames must be JSON text.' } }));
      return;
    }
    session.receive(raw);
  });
  socket.on('close', () => session.close());
  socket.on('error', () => session.close());
}
