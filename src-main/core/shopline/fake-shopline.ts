// A fake Shopline store on loopback that speaks the global Open API as documented: the paths
// under /admin/openapi/{version}/, Bearer tokens, scopes, `link` cursor pagination, the leaky
// bucket (429 `{"errors":"Too many request"}`), the `fulfillment_status` default and the
// `traceId` header. The real client is tested against it and the demo mode serves the demo store
// through it. Plain Node (`node:http`), bound to 127.0.0.1 only.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LeakyBucket } from './rate.limiter';
import type { BucketOptions } from './rate.limiter';
import type { ShoplineStoreData } from './demo-store';
import type { WireCustomerJson, WireOrderJson } from './shopline.wire';

export type ShoplineScope = 'read_orders' | 'read_customers' | 'write_orders';

export interface FakeShoplineOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  token: string;
  store: ShoplineStoreData;
  scopes?: readonly ShoplineScope[];
  /** Shopline's bucket (40 requests, leaking 4 a second) by default; false turns it off. */
  bucket?: BucketOptions | false;
  /** The bucket's clock; a manual clock makes bursts deterministic. */
  clock?: () => number;
  /** API versions served; others answer 404. */
  versions?: readonly string[];
}

export interface FakeShoplineRequest {
  method: string;
  /** The path below `/admin/openapi/{version}/`, e.g. `orders.json`. */
  path: string;
  version: string;
  query: Record<string, string>;
  status: number;
}

export interface FakeShopline {
  /** `http://127.0.0.1:{port}`: pass as the client's `baseUrl`. */
  url: string;
  /** Ready-made options for `createShoplineClient`. */
  clientOptions: { handle: string; accessToken: string; baseUrl: string };
  /** Every request answered so far, in order. */
  requests: FakeShoplineRequest[];
  close(): Promise<void>;
  /** From now on the token answers 401, as after the merchant uninstalls or rotates it. */
  revokeToken(): void;
  setScopes(scopes: readonly ShoplineScope[]): void;
  /** Answer 429 to the next `count` requests (or all of them), with `Retry-After` if given. */
  force429(count: number | 'always', options?: { retryAfterSec?: number }): void;
  /** Break the next `count` successful answers: not JSON, or JSON with a missing id. */
  corruptNext(kind: 'not_json' | 'wrong_shape', count?: number): void;
  /** The store is frozen (402) until unfrozen. */
  freezeStore(frozen?: boolean): void;
}

const allScopes: readonly ShoplineScope[] = ['read_orders', 'read_customers', 'write_orders'];
const fulfillmentValues = new Set(['unshipped', 'partial', 'shipped']);
const statusValues = new Set(['open', 'cancelled', 'any']);

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly errors: unknown,
  ) {
    super(typeof errors === 'string' ? errors : JSON.stringify(errors));
  }
}

interface Reply {
  body: Record<string, unknown>;
  /** Set on paginated answers: the cursors for the `link` header. */
  page?: { next: string | null; previous: string | null; limit: number };
}

interface Cursor {
  q: Record<string, string>;
  offset: number;
}

export async function startFakeShopline(options: FakeShoplineOptions): Promise<FakeShopline> {
  const clock = options.clock ?? Date.now;
  const versions = new Set(options.versions ?? ['v20251201', 'v20260301']);
  const bucket = options.bucket === false ? null : new LeakyBucket(options.bucket ?? { capacity: 40, leakPerSec: 4 }, clock());
  const requests: FakeShoplineRequest[] = [];
  let scopes = new Set(options.scopes ?? allScopes);
  let revoked = false;
  let frozen = false;
  let forced429: { left: number; retryAfterSec?: number } = { left: 0 };
  let corrupt: { kind: 'not_json' | 'wrong_shape'; left: number } = { kind: 'not_json', left: 0 };
  let trace = 0;
  const store = options.store;

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      send(res, 500, { errors: `fake shopline: ${error instanceof Error ? error.message : String(error)}` });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const query = Object.fromEntries(url.searchParams);
    const match = /^\/admin\/openapi\/([^/]+)\/(.+)$/.exec(url.pathname);
    const version = match?.[1] ?? '';
    const path = match?.[2] ?? url.pathname;
    const entry: FakeShoplineRequest = { method: req.method ?? 'GET', path, version, query, status: 0 };
    requests.push(entry);
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      entry.status = status;
      send(res, status, body, headers);
    };
    // The body is never needed (GET only), but drain it so keep-alive stays healthy.
    for await (const chunk of req) void chunk;

    if (!match || !versions.has(version)) return answer(404, { errors: 'Not Found' });
    const auth = req.headers.authorization ?? '';
    if (revoked || auth !== `Bearer ${options.token}`) {
      return answer(401, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
    }
    if (frozen) return answer(402, { errors: 'Unavailable Shop: the store is frozen' });
    if (forced429.left > 0 || (bucket && !bucket.tryAdd(clock()))) {
      if (forced429.left > 0 && Number.isFinite(forced429.left)) forced429.left -= 1;
      const headers: Record<string, string> =
        forced429.retryAfterSec !== undefined ? { 'Retry-After': String(forced429.retryAfterSec) } : {};
      return answer(429, { errors: 'Too many request' }, headers);
    }
    if (req.method !== 'GET') return answer(405, { errors: 'Method Not Allowed' });

    let reply: Reply;
    try {
      reply = route(path, query);
    } catch (e) {
      if (e instanceof HttpError) return answer(e.status, { errors: e.errors });
      throw e;
    }

    const headers: Record<string, string> = {};
    if (reply.page) {
      const base = `http://127.0.0.1:${port}/admin/openapi/${version}/${path}?limit=${reply.page.limit}&page_info=`;
      const links = [
        reply.page.previous ? `<${base}${reply.page.previous}>; rel="previous"` : null,
        reply.page.next ? `<${base}${reply.page.next}>; rel="next"` : null,
      ].filter((l): l is string => l !== null);
      if (links.length) headers['link'] = links.join(', ');
    }
    if (corrupt.left > 0) {
      corrupt.left -= 1;
      if (corrupt.kind === 'not_json') {
        entry.status = 200;
        res.writeHead(200, { 'Content-Type': 'text/html', traceId: nextTrace() });
        res.end('<html><body>502 Bad Gateway</body></html>');
        return;
      }
      return answer(200, breakShape(reply.body), headers);
    }
    answer(200, reply.body, headers);
  }

  function route(path: string, query: Record<string, string>): Reply {
    let m: RegExpExecArray | null;
    if (path === 'orders.json') return listOrders(query);
    if (path === 'orders/count.json') {
      need('read_orders');
      return { body: { count: filterOrders(orderFilter(query)).length } };
    }
    if ((m = /^orders\/([^/]+)\/fulfillments\.json$/.exec(path))) {
      need('read_orders');
      return { body: { fulfillments: findOrder(decodeURIComponent(m[1] ?? '')).fulfillments ?? [] } };
    }
    if ((m = /^orders\/([^/]+)\/refunds\.json$/.exec(path))) {
      need('read_orders');
      return { body: { refunds: findOrder(decodeURIComponent(m[1] ?? '')).refunds ?? [] } };
    }
    if (path === 'customers/v2/search.json') return searchCustomers(query);
    if ((m = /^customers\/v2\/([^/]+)\.json$/.exec(path))) {
      need('read_customers');
      const id = decodeURIComponent(m[1] ?? '');
      const customer = store.customers.find((c) => String(c.id) === id);
      if (!customer) throw new HttpError(404, 'Not Found');
      return { body: { customer } };
    }
    if ((m = /^customers\/([^/]+)\/orders\.json$/.exec(path))) return customerOrders(decodeURIComponent(m[1] ?? ''), query);
    throw new HttpError(404, 'Not Found');
  }

  function need(scope: ShoplineScope): void {
    if (!scopes.has(scope)) throw new HttpError(403, `[API] This action requires merchant approval for ${scope} scope.`);
  }

  function listOrders(query: Record<string, string>): Reply {
    need('read_orders');
    const { q, offset, limit } = cursorOf(query, 100, 50);
    const found = filterOrders(orderFilter(q));
    return paginate('orders', found.map((o) => project(o, query['fields'])), q, offset, limit);
  }

  function orderFilter(q: Record<string, string>): (o: WireOrderJson) => boolean {
    const status = q['status'] ?? 'open';
    if (!statusValues.has(status)) throw new HttpError(400, { status: ['must be open, cancelled or any'] });
    // The documented default: without it only unshipped orders come back.
    const fulfillment = q['fulfillment_status'] ?? 'unshipped';
    if (!fulfillmentValues.has(fulfillment)) throw new HttpError(400, 'fulfillment status value is illegal');
    const ids = q['ids']?.split(',').map((s) => s.trim()).filter(Boolean);
    if (ids && ids.length > 100) throw new HttpError(400, { ids: ['at most 100 ids'] });
    const name = q['name'] !== undefined ? orderName(q['name']) : undefined;
    return (o) =>
      (status === 'any' || (status === 'cancelled' ? o.status === 'cancelled' : o.status !== 'cancelled')) &&
      (o.fulfillment_status ?? 'unshipped') === fulfillment &&
      (!ids || ids.includes(String(o.id))) &&
      (name === undefined || orderName(o.name) === name) &&
      (q['email'] === undefined || o.email?.toLowerCase() === q['email'].toLowerCase()) &&
      (q['buyer_id'] === undefined || String(o.customer?.id ?? '') === q['buyer_id']);
  }

  function filterOrders(keep: (o: WireOrderJson) => boolean): WireOrderJson[] {
    return store.orders.filter(keep).sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at));
  }

  function findOrder(id: string): WireOrderJson {
    const order = store.orders.find((o) => String(o.id) === id);
    if (!order) throw new HttpError(404, 'Not Found');
    return order;
  }

  function searchCustomers(query: Record<string, string>): Reply {
    need('read_customers');
    const { q, offset, limit } = cursorOf(query, 250, 50);
    const text = (q['query_param'] ?? '').trim().toLowerCase();
    if (text.length > 50) throw new HttpError(400, { query_param: ['maximum length is 50'] });
    const hit = (c: WireCustomerJson): boolean =>
      !text ||
      [c.phone, c.email, c.first_name, c.last_name, `${c.first_name ?? ''} ${c.last_name ?? ''}`].some((f) =>
        f?.toLowerCase().includes(text),
      );
    const found = store.customers.filter(hit);
    return paginate('customers', found.map((c) => project(c, query['fields'])), q, offset, limit);
  }

  function customerOrders(customerId: string, query: Record<string, string>): Reply {
    need('read_orders');
    const { q, offset, limit } = cursorOf(query, 100, 50);
    const status = q['status'];
    if (!status) throw new HttpError(400, { status: ['is required'] });
    if (!statusValues.has(status)) throw new HttpError(400, { status: ['must be open, cancelled or any'] });
    if (!store.customers.some((c) => String(c.id) === customerId)) throw new HttpError(404, 'Not Found');
    const found = filterOrders(
      (o) =>
        String(o.customer?.id ?? '') === customerId &&
        (status === 'any' || (status === 'cancelled' ? o.status === 'cancelled' : o.status !== 'cancelled')),
    );
    // The generated SDK reads this endpoint's list from `list`, not `orders`.
    return paginate('list', found, q, offset, limit);
  }

  /** With `page_info`, Shopline ignores every filter but `limit` and `fields`: they live in the cursor. */
  function cursorOf(query: Record<string, string>, maxLimit: number, defaultLimit: number) {
    const limitText = query['limit'];
    const limit = limitText === undefined ? defaultLimit : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) {
      throw new HttpError(400, { limit: [`must be between 1 and ${maxLimit}`] });
    }
    const pageInfo = query['page_info'];
    if (!pageInfo) return { q: query, offset: 0, limit };
    try {
      const cursor = JSON.parse(Buffer.from(pageInfo, 'base64url').toString('utf8')) as Cursor;
      if (typeof cursor.offset !== 'number' || typeof cursor.q !== 'object') throw new Error('bad cursor');
      return { q: cursor.q, offset: cursor.offset, limit };
    } catch {
      throw new HttpError(400, { page_info: ['is invalid'] });
    }
  }

  function paginate(key: string, items: unknown[], q: Record<string, string>, offset: number, limit: number): Reply {
    const { page_info: _pageInfo, limit: _limit, fields: _fields, ...filters } = q;
    const token = (at: number): string => Buffer.from(JSON.stringify({ q: filters, offset: at })).toString('base64url');
    return {
      body: { [key]: items.slice(offset, offset + limit) },
      page: {
        next: offset + limit < items.length ? token(offset + limit) : null,
        previous: offset > 0 ? token(Math.max(0, offset - limit)) : null,
        limit,
      },
    };
  }

  function nextTrace(): string {
    trace += 1;
    return `fake-${trace.toString(16).padStart(8, '0')}`;
  }

  function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', traceId: nextTrace(), ...headers });
    res.end(JSON.stringify(body));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    clientOptions: { handle: store.handle, accessToken: options.token, baseUrl: url },
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Clients keep connections alive; the fake must not hold a test run open.
        server.closeAllConnections();
      }),
    revokeToken() {
      revoked = true;
    },
    setScopes(next) {
      scopes = new Set(next);
    },
    force429(count, opts = {}) {
      forced429 = { left: count === 'always' ? Number.POSITIVE_INFINITY : count, retryAfterSec: opts.retryAfterSec };
    },
    corruptNext(kind, count = 1) {
      corrupt = { kind, left: count };
    },
    freezeStore(value = true) {
      frozen = value;
    },
  };
}

/** `#1001` and `1001` name the same order; prefixes (`D2034`) are compared as written. */
function orderName(name: string): string {
  return name.trim().replace(/^#/, '').toUpperCase();
}

function project<T extends object>(item: T, fields: string | undefined): T | Record<string, unknown> {
  if (!fields) return item;
  const wanted = new Set(fields.split(',').map((f) => f.trim()));
  return Object.fromEntries(Object.entries(item).filter(([k]) => wanted.has(k)));
}

/** The same answer with the first record's id gone (or the list replaced by a string). */
function breakShape(body: Record<string, unknown>): Record<string, unknown> {
  const [key, value] = Object.entries(body)[0] ?? ['orders', []];
  if (Array.isArray(value)) {
    if (value.length === 0) return { [key]: 'oops' };
    const [first, ...rest] = value as Record<string, unknown>[];
    const { id: _id, ...broken } = first ?? {};
    return { [key]: [broken, ...rest] };
  }
  if (value && typeof value === 'object') {
    const { id: _id, ...broken } = value as Record<string, unknown>;
    return { [key]: broken };
  }
  return { [key]: 42 };
}
