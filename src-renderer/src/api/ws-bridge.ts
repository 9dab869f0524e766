// The renderer's WebSocket port to the headless host (the counterpart of
// src-main/serve/ws.transport.ts). Reconnects with backoff; live queries are re-sent on
// reconnect by the wire client, and calls made while disconnected wait for the socket.
import type { ClientMessage, ServerMessage, WirePort } from '../../../src-preload/contract';

export function createWebSocketPort(url: string): WirePort & { readonly connected: boolean } {
  const messageListeners: ((message: ServerMessage) => void)[] = [];
  const openListeners: (() => void)[] = [];
  const closeListeners: (() => void)[] = [];
  const outbox: ClientMessage[] = [];
  let socket: WebSocket | null = null;
  let attempts = 0;

  function connect(): void {
    socket = new WebSocket(url);
    socket.onopen = () => {
      attempts = 0;
      openListeners.forEach((listener) => listener());
      for (const message of outbox.splice(0)) socket?.send(JSON.stringify(message));
    };
    socket.onmessage = (event) => {
      let message: ServerMessage;
      try {
        message = JSON.parse(String(event.data)) as ServerMessage;
      } catch {
        return;
      }
      messageListeners.forEach((listener) => listener(message));
    };
    socket.onclose = () => {
      closeListeners.forEach((listener) => listener());
      attempts += 1;
      setTimeout(connect, Math.min(10_000, 250 * 2 ** attempts));
    };
  }
  connect();

  return {
    get connected() {
      return socket?.readyState === WebSocket.OPEN;
    },
    send(message) {
      if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
      // Subscriptions are re-sent on open anyway; only calls need to wait here.
      else if (message.type === 'call') outbox.push(message);
    },
    onMessage: (listener) => void messageListeners.push(listener),
    onOpen: (listener) => void openListeners.push(listener),
    onClose: (listener) => void closeListeners.push(listener),
  };
}
