// The one error type the Shopline client throws, and how HTTP answers map onto it.
// Pure; runs in the main process and on the team server.
import { CommandError } from '../../../src-preload/contract';
import type { ErrorCode } from '../../../src-preload/contract';

export const shoplineErrorKinds = [
  'unauthorized', // 401: token missing, bad, expired or revoked
  'store_frozen', // 402: the store is frozen (unpaid plan)
  'forbidden', // 403: the token lacks a scope
  'not_found', // 404
  'bad_request', // 400, 406, 422: Shopline refused the request as built
  'rate_limited', // 429 after every retry was spent
  'malformed', // the answer is not the JSON shape we rely on
  'network', // no answer: DNS, refused connection, timeout
  'server', // 5xx
] as const;
export type ShoplineErrorKind = (typeof shoplineErrorKinds)[number];

export class ShoplineError extends Error {
  readonly kind: ShoplineErrorKind;
  readonly status: number | null;
  /** Shopline's `traceId` response header: quote it to Shopline support. */
  readonly traceId: string | null;

  constructor(
    kind: ShoplineErrorKind,
    message: string,
    details: { status?: number | null; traceId?: string | null; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'ShoplineError';
    this.kind = kind;
    this.status = details.status ?? null;
    this.traceId = details.traceId ?? null;
  }
}

export const isShoplineError = (e: unknown): e is ShoplineError => e instanceof ShoplineError;

export function errorKindForStatus(status: number): ShoplineErrorKind {
  switch (status) {
    case 401:
      return 'unauthorized';
    case 402:
      return 'store_frozen';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 429:
      return 'rate_limited';
    default:
      return status >= 500 ? 'server' : 'bad_request';
  }
}

/**
 * The human text in an error body. Shopline's `errors` may be a string, an array of strings,
 * or an object of field → message(s); anything else falls back to the status line.
 */
export function errorMessageFromBody(body: unknown, fallback: string): string {
  const errors = isRecord(body) ? (body['errors'] ?? body['error'] ?? body['message']) : undefined;
  const parts = flattenMessages(errors);
  return parts.length > 0 ? parts.join('; ') : fallback;
}

function flattenMessages(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return value.trim() ? [prefix + value.trim()] : [];
  if (typeof value === 'number' || typeof value === 'boolean') return [prefix + String(value)];
  if (Array.isArray(value)) return value.flatMap((v) => flattenMessages(v, prefix));
  if (isRecord(value)) {
    return Object.entries(value).flatMap(([key, v]) => flattenMessages(v, `${prefix}${key}: `));
  }
  return [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The bridge's error code for each kind of Shopline failure. */
export const shoplineErrorCodes: Readonly<Record<ShoplineErrorKind, ErrorCode>> = {
  unauthorized: 'unauthorized',
  forbidden: 'unauthorized',
  not_found: 'not_found',
  store_frozen: 'unavailable',
  rate_limited: 'unavailable',
  network: 'unavailable',
  server: 'unavailable',
  bad_request: 'internal',
  malformed: 'internal',
};

/** How a Shopline failure crosses the bridge: services throw this from their commands. */
export function toCommandError(error: ShoplineError): CommandError {
  return new CommandError(shoplineErrorCodes[error.kind], `Shopline: ${error.message}`);
}
