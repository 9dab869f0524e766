// The shape every answer takes when it crosses the bridge: errors survive the trip as data.
// Runs anywhere (main, preload, renderer); no runtime dependencies.

export const errorCodes = [
  'bad_message', // the wire message itself is malformed
  'unknown_method', // no such command or live query
  'invalid_params', // params fail the contract's schema
  'not_found',
  'conflict', // the change is not allowed in the document's current state
  'unauthorized',
  'unavailable', // a dependency (Telegram, sync server, Shopline) cannot be reached
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface BridgeError {
  code: ErrorCode;
  message: string;
  /** Where the params failed validation, as `path: message` lines. */
  issues?: string[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, issues?: string[]): Result<never> => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
});

/** Thrown by services for expected failures; the dispatcher turns it into a typed error. */
export class CommandError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CommandError';
  }
}
