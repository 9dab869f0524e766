// The Shopline client: a flavour-neutral `ShoplineClient` interface and its implementation for
// the global Open API (`https://{handle}.myshopline.com/admin/openapi/{version}/…`). Throttles
// to Shopline's 4 req/s, retries 429s with backoff, parses every answer with zod and throws only
// `ShoplineError`. Runs in the main process (plain Node); an Asia-flavour client would implement
// the same interface.
import { z } from 'zod';
import { ShoplineError, errorKindForStatus, errorMessageFromBody, isShoplineError } from './shopline.error';
import { parseLinkHeader } from './link.header';
import { toCustomer, toFulfillment, toOrder, toRefund } from './shopline.mapper';
import { createRateLimiter } from './rate.limiter';
import type { RateLimiter } from './rate.limiter';
import { defaultBackoff, parseRetryAfter, retryDelayMs } from './retry.backoff';
import type { BackoffPolicy } from './retry.backoff';
import {
  CustomerOrdersResponse,
  CustomerResponse,
  CustomersResponse,
  FulfillmentsResponse,
  OrdersResponse,
  RefundsResponse,
} from './shopline.wire';
import type {
  ScopeCheck,
  ShoplineConnectionReport,
  ShoplineCustomer,
  ShoplineFulfillment,
  ShoplineOrder,
  ShoplinePage,
  ShoplineRateState,
  ShoplineRefund,
} from './shopline.types';

export interface ShoplineClient {
  /** The store this client talks to (its handle), for logs and cache keys. */
  readonly store: string;
  /** Orders whose number is `number` (`1001`, `#1001`, `D2034`), in any state. */
  findOrdersByNumber(number: string): Promise<ShoplineOrder[]>;
  /** One order by its Shopline id; null when the store has no such order. */
  getOrder(id: string): Promise<ShoplineOrder | null>;
  /** Customers matching a phone number or email (Shopline's fuzzy search, ≤ 50 characters). */
  findCustomers(query: string, options?: { limit?: number }): Promise<ShoplineCustomer[]>;
  getCustomer(id: string): Promise<ShoplineCustomer | null>;
  /** One page of a customer's orders, newest first; pass `nextPageInfo` back for the next page. */
  listCustomerOrders(
    customerId: string,
    options?: { pageInfo?: string | null; limit?: number },
  ): Promise<ShoplinePage<ShoplineOrder>>;
  getFulfillments(orderId: string): Promise<ShoplineFulfillment[]>;
  getRefunds(orderId: string): Promise<ShoplineRefund[]>;
  /** What the token may do, by cheap read-only probes. Never throws. */
  testConnection(): Promise<ShoplineConnectionReport>;
  readonly rateState: ShoplineRateState;
  /** Called when the client starts or stops waiting out a 429; returns the unsubscribe. */
  onStateChanged(listener: (state: ShoplineRateState) => void): () => void;
}

export interface ShoplineClientOptions {
  /** The store's handle: `{handle}.myshopline.com`. */
  handle: string;
  accessToken: string;
  /** Open API version, a date in the path; several are served at once. */
  apiVersion?: string;
  /** Replaces `https://{handle}.myshopline.com` (the fake store, a proxy). */
  baseUrl?: string;
  fetch?: typeof fetch;
  clock?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Jitter source for backoff, in [0, 1). */
  random?: () => number;
  backoff?: Partial<BackoffPolicy>;
  /** Share one limiter between clients of the same store (e.g. after a token change). */
  limiter?: RateLimiter;
  /** Abort a request that has not answered in this long (ms). */
  timeoutMs?: number;
}

export const defaultApiVersion = 'v20251201';

/**
 * `fulfillment_status` has no "any": the documented values are these three, the default is
 * `unshipped` and anything else is refused. So a lookup that must find an order in any state
 * asks once per value.
 */
export const fulfillmentStatuses = ['unshipped', 'shipped', 'partial'] as const;

const ProbeOrders = z.looseObject({ orders: z.array(z.unknown()) });
const ProbeCustomers = z.looseObject({ customers: z.array(z.unknown()) });

type Query = Record<string, string | undefined>;

export function createShoplineClient(options: ShoplineClientOptions): ShoplineClient {
  const handle = options.handle.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9-]*$/.test(handle)) throw new RangeError(`not a Shopline store handle: ${options.handle}`);
  const version = options.apiVersion ?? defaultApiVersion;
  if (!/^v\d{8}$/.test(version)) throw new RangeError(`not a Shopline API version: ${version}`);
  const base = `${(options.baseUrl ?? `https://${handle}.myshopline.com`).replace(/\/+$/, '')}/admin/openapi/${version}/`;
  const doFetch = options.fetch ?? fetch;
  const now = options.clock ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const policy: BackoffPolicy = { ...defaultBackoff, ...options.backoff };
  const limiter = options.limiter ?? createRateLimiter({ now, sleep });
  const timeoutMs = options.timeoutMs ?? 15_000;

  // Rate-limit state: one entry per request currently waiting out a 429.
  const listeners = new Set<(state: ShoplineRateState) => void>();
  const waits = new Map<number, number>();
  let waitSeq = 0;
  let rateState: ShoplineRateState = { state: 'ok' };
  const publish = (): void => {
    const until = Math.max(...waits.values());
    const next: ShoplineRateState = waits.size > 0 ? { state: 'waiting', until } : { state: 'ok' };
    if (next.state === rateState.state && (next.state === 'ok' || (rateState.state === 'waiting' && rateState.until === until))) {
      return;
    }
    rateState = next;
    for (const listener of listeners) {
      try {
        listener(next);
      } catch {
        // A broken UI listener must not break the lookup that triggered it.
      }
    }
  };

  async function get<S extends z.ZodType>(
    path: string,
    query: Query,
    schema: S,
  ): Promise<{ data: z.output<S>; link: string | null }> {
    const url = new URL(path, base);
    for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, value);

    for (let attempt = 1; ; attempt++) {
      await limiter.acquire();
      let response: Response;
      let body: string;
      try {
        response = await doFetch(url, {
          method: 'GET',
          headers: {
            Authorization: `Bearer ${options.accessToken}`,
            'Content-Type': 'application/json; charset=utf-8',
            Accept: 'application/json',
          },
          signal: AbortSignal.timeout(timeoutMs),
        });
        body = await response.text();
      } catch (cause) {
        throw new ShoplineError('network', `cannot reach ${url.host}: ${describe(cause)}`, { cause });
      }
      const traceId = response.headers.get('traceId');

      if (response.status === 429 && attempt < policy.maxAttempts) {
        const delay = retryDelayMs(attempt, parseRetryAfter(response.headers.get('retry-after'), now()), policy, random);
        const until = now() + delay;
        limiter.pauseUntil(until);
        const id = waitSeq++;
        waits.set(id, until);
        publish();
        try {
          await sleep(delay);
        } finally {
          waits.delete(id);
          publish();
        }
        continue;
      }
      if (!response.ok) {
        const kind = errorKindForStatus(response.status);
        const message = errorMessageFromBody(safeJson(body), `HTTP ${response.status}`);
        const spent = kind === 'rate_limited' ? ` (gave up after ${attempt} tries)` : '';
        throw new ShoplineError(kind, `${message}${spent}`, { status: response.status, traceId });
      }

      const json = safeJson(body);
      if (json === undefined) {
        throw new ShoplineError('malformed', `${path}: the answer is not JSON`, { status: response.status, traceId });
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) {
        const issues = parsed.error.issues
          .slice(0, 3)
          .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
          .join('; ');
        throw new ShoplineError('malformed', `${path}: unexpected answer (${issues})`, {
          status: response.status,
          traceId,
        });
      }
      return { data: parsed.data, link: response.headers.get('link') };
    }
  }

  /** An order lookup in any state: `status=any`, and each `fulfillment_status` until one finds it. */
  async function findOrders(filter: Query, matches: (o: ShoplineOrder) => boolean): Promise<ShoplineOrder[]> {
    for (const fulfillmentStatus of fulfillmentStatuses) {
      const { data } = await get(
        'orders.json',
        { ...filter, status: 'any', fulfillment_status: fulfillmentStatus, limit: '50' },
        OrdersResponse,
      );
      const found = data.orders.map(toOrder).filter(matches);
      if (found.length > 0) return found;
    }
    return [];
  }

  async function probe(path: string, query: Query, schema: z.ZodType): Promise<ScopeCheck> {
    try {
      await get(path, query, schema);
      return 'granted';
    } catch (e) {
      if (isShoplineError(e) && e.kind === 'forbidden') return 'missing';
      throw e;
    }
  }

  return {
    store: handle,

    async findOrdersByNumber(number) {
      const wanted = normalizeOrderNumber(number);
      if (!wanted) return [];
      return findOrders({ name: wanted }, (o) => normalizeOrderNumber(o.number) === wanted);
    },

    async getOrder(id) {
      requireId(id, 'order id');
      const [order] = await findOrders({ ids: id }, (o) => o.id === id);
      return order ?? null;
    },

    async findCustomers(query, { limit = 20 } = {}) {
      const search = normalizeCustomerQuery(query);
      if (!search) return [];
      if (search.length > 50) throw new ShoplineError('bad_request', 'customer search is limited to 50 characters');
      const { data } = await get(
        'customers/v2/search.json',
        { query_param: search, limit: String(clamp(limit, 1, 250)) },
        CustomersResponse,
      );
      return data.customers.map(toCustomer);
    },

    async getCustomer(id) {
      requireId(id, 'customer id');
      try {
        const { data } = await get(`customers/v2/${encodeURIComponent(id)}.json`, {}, CustomerResponse);
        return toCustomer(data.customer);
      } catch (e) {
        if (isShoplineError(e) && e.kind === 'not_found') return null;
        throw e;
      }
    },

    async listCustomerOrders(customerId, { pageInfo = null, limit = 20 } = {}) {
      requireId(customerId, 'customer id');
      // With page_info Shopline ignores every filter but limit; status is still required.
      const { data, link } = await get(
        `customers/${encodeURIComponent(customerId)}/orders.json`,
        { status: 'any', limit: String(clamp(limit, 1, 100)), page_info: pageInfo ?? undefined },
        CustomerOrdersResponse,
      );
      return { items: data.map(toOrder), nextPageInfo: parseLinkHeader(link).next };
    },

    async getFulfillments(orderId) {
      requireId(orderId, 'order id');
      const { data } = await get(`orders/${encodeURIComponent(orderId)}/fulfillments.json`, {}, FulfillmentsResponse);
      return data.fulfillments.map(toFulfillment);
    },

    async getRefunds(orderId) {
      requireId(orderId, 'order id');
      const { data } = await get(`orders/${encodeURIComponent(orderId)}/refunds.json`, {}, RefundsResponse);
      return data.refunds.map(toRefund);
    },

    async testConnection() {
      const scopes: ShoplineConnectionReport['scopes'] = {
        read_orders: 'unknown',
        read_customers: 'unknown',
        write_orders: 'not_checked',
      };
      try {
        scopes.read_orders = await probe(
          'orders.json',
          { limit: '1', status: 'any', fulfillment_status: 'unshipped', fields: 'id' },
          ProbeOrders,
        );
        scopes.read_customers = await probe('customers/v2/search.json', { limit: '1', fields: 'id' }, ProbeCustomers);
      } catch (e) {
        const error = isShoplineError(e) ? e : new ShoplineError('network', describe(e));
        return {
          ok: false,
          problem: { kind: error.kind, message: error.message, status: error.status, traceId: error.traceId },
          scopes,
        };
      }
      const missing = (['read_orders', 'read_customers'] as const).filter((s) => scopes[s] !== 'granted');
      return {
        ok: missing.length === 0,
        problem:
          missing.length === 0
            ? null
            : { kind: 'forbidden', message: `the token lacks ${missing.join(', ')}`, status: 403, traceId: null },
        scopes,
      };
    },

    get rateState() {
      return rateState;
    },

    onStateChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** `#1001` → `1001`, ` d2034 ` → `D2034`: how an order number is compared and sent. */
export function normalizeOrderNumber(number: string): string {
  return number.trim().replace(/^#\s*/, '').toUpperCase();
}

/**
 * Phone numbers go to the fuzzy search as bare digits, so `+1 (415) 555-0123` finds a customer
 * stored as `+14155550123`; emails are trimmed and lower-cased; anything else passes as typed.
 */
export function normalizeCustomerQuery(query: string): string {
  const q = query.trim();
  if (/^\+?[\d\s().-]{6,}$/.test(q)) return q.replace(/\D/g, '');
  if (q.includes('@')) return q.toLowerCase();
  return q;
}

function requireId(id: string, what: string): void {
  if (!id.trim()) throw new ShoplineError('bad_request', `${what} is empty`);
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.trunc(n)));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function describe(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : '';
    return `${cause.message}${inner}`;
  }
  return String(cause);
}
