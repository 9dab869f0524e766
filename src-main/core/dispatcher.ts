// Maps bridge messages to the core's services. Every message is parsed against the contract
// first; a malformed one gets a typed error, never a crash. One session per connected UI.
import type { Observable, Subscription } from 'rxjs';
import type { z } from 'zod';
import {
  ClientMessage,
  CommandError,
  commands,
  fail,
  isCommandName,
  isLiveQueryName,
  liveQueries,
  ok,
  type BridgeError,
  type Commands,
  type LiveQueries,
  type Result,
  type ServerMessage,
} from '../../src-preload/contract';

export type CommandHandlers = {
  [N in keyof Commands]: (params: z.output<Commands[N]['params']>) => Promise<z.output<Commands[N]['result']>>;
};
export type LiveQueryHandlers = {
  [N in keyof LiveQueries]: (params: z.output<LiveQueries[N]['params']>) => Observable<z.output<LiveQueries[N]['result']>>;
};

export interface DispatcherSession {
  /** Hand in one message exactly as it arrived (already JSON-decoded). */
  receive(raw: unknown): void;
  close(): void;
}

export interface Dispatcher {
  openSession(send: (message: ServerMessage) => void): DispatcherSession;
  /** Runs one command outside any session (the CLI, tests, the shell's menu). */
  call(method: string, params: unknown): Promise<Result<unknown>>;
}

const describeIssues = (error: z.ZodError): string[] =>
  error.issues.map((issue) => `${issue.path.join('.') || '(params)'}: ${issue.message}`);

function toBridgeError(error: unknown): BridgeError {
  if (error instanceof CommandError) return { code: error.code, message: error.message };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

export function createDispatcher(
  handlers: { commands: CommandHandlers; liveQueries: LiveQueryHandlers },
  log: (message: string, error?: unknown) => void = () => {},
): Dispatcher {
  async function call(method: string, params: unknown): Promise<Result<unknown>> {
    if (!isCommandName(method)) return fail('unknown_method', `There is no command named "${method}".`);
    const parsed = commands[method].params.safeParse(params ?? {});
    if (!parsed.success) return fail('invalid_params', `Invalid params for ${method}.`, describeIssues(parsed.error));
    const handler = handlers.commands[method] as (p: unknown) => Promise<unknown>;
    try {
      return ok(await handler(parsed.data));
    } catch (error) {
      if (!(error instanceof CommandError)) log(`command ${method} failed`, error);
      return { ok: false, error: toBridgeError(error) };
    }
  }

  function openSession(send: (message: ServerMessage) => void): DispatcherSession {
    const live = new Map<number, Subscription>();
    let closed = false;
    const emit = (message: ServerMessage) => {
      if (!closed) send(message);
    };

    function subscribe(id: number, query: string, params: unknown): void {
      live.get(id)?.unsubscribe();
      if (!isLiveQueryName(query)) {
        emit({ type: 'error', id, error: { code: 'unknown_method', message: `There is no live query named "${query}".` } });
        return;
      }
      const parsed = liveQueries[query].params.safeParse(params ?? {});
      if (!parsed.success) {
        const error = { code: 'invalid_params', message: `Invalid params for ${query}.`, issues: describeIssues(parsed.error) } as const;
        emit({ type: 'error', id, error });
        return;
      }
      const handler = handlers.liveQueries[query] as (p: unknown) => Observable<unknown>;
      try {
        live.set(
          id,
          handler(parsed.data).subscribe({
            next: (value) => emit({ type: 'data', id, value }),
            error: (error: unknown) => {
              log(`live query ${query} failed`, error);
              emit({ type: 'error', id, error: toBridgeError(error) });
            },
          }),
        );
      } catch (error) {
        emit({ type: 'error', id, error: toBridgeError(error) });
      }
    }

    return {
      receive(raw) {
        const parsed = ClientMessage.safeParse(raw);
        if (!parsed.success) {
          const id = typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'number' ? raw.id : null;
          const error = { code: 'bad_message', message: 'The message does not follow the bridge protocol.', issues: describeIssues(parsed.error) } as const;
          emit(id !== null && (raw as { type?: unknown }).type === 'call' ? { type: 'result', id, result: { ok: false, error } } : { type: 'error', id, error });
          return;
        }
        const message = parsed.data;
        if (message.type === 'call') {
          void call(message.method, message.params).then((result) => emit({ type: 'result', id: message.id, result }));
        } else if (message.type === 'subscribe') {
          subscribe(message.id, message.query, message.params);
        } else {
          live.get(message.id)?.unsubscribe();
          live.delete(message.id);
        }
      },
      close() {
        closed = true;
        for (const subscription of live.values()) subscription.unsubscribe();
        live.clear();
      },
    };
  }

  return { openSession, call };
}
