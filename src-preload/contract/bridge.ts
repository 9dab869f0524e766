// The typed API the renderer uses, built on any WirePort (the Electron preload's IPC port
// or the headless host's WebSocket). The renderer never knows which one it has.
import type { CommandName, CommandParams, CommandResult, LiveQueryName, LiveQueryParams, LiveQueryResult } from './index';
import type { BridgeError, Result } from './result';
import type { ClientMessage, ServerMessage, WirePort } from './wire';

export interface Bridge {
  invoke<N extends CommandName>(method: N, params: CommandParams<N>): Promise<Result<CommandResult<N>>>;
  subscribe<N extends LiveQueryName>(
    query: N,
    params: LiveQueryParams<N>,
    onData: (value: LiveQueryResult<N>) => void,
    onError?: (error: BridgeError) => void,
  ): () => void;
}

interface Subscription {
  message: ClientMessage;
  onData(value: unknown): void;
  onError?(error: BridgeError): void;
}

export function createWireClient(port: WirePort): Bridge {
  let nextId = 1;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const subscriptions = new Map<number, Subscription>();

  port.onMessage((message: ServerMessage) => {
    if (message.type === 'result') {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    } else if (message.type === 'data') {
      subscriptions.get(message.id)?.onData(message.value);
    } else if (message.id !== null) {
      subscriptions.get(message.id)?.onError?.(message.error);
    }
  });
  port.onOpen?.(() => {
    for (const subscription of subscriptions.values()) port.send(subscription.message);
  });
  port.onClose?.(() => {
    for (const resolve of pending.values()) {
      resolve({ ok: false, error: { code: 'unavailable', message: 'The connection to the app was lost.' } });
    }
    pending.clear();
  });

  return {
    invoke(method, params) {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve as (result: Result<unknown>) => void);
        port.send({ type: 'call', id, method, params });
      });
    },
    subscribe(query, params, onData, onError) {
      const id = nextId++;
      const message: ClientMessage = { type: 'subscribe', id, query, params };
      subscriptions.set(id, { message, onData: onData as (value: unknown) => void, onError });
      port.send(message);
      return () => {
        subscriptions.delete(id);
        port.send({ type: 'unsubscribe', id });
      };
    },
  };
}
