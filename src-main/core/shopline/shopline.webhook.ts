// Inbound Shopline webhooks: HMAC-SHA256 verification over the raw body (hex or base64, compared
// in constant time) and the headers that matter (topic, webhook id for dedup, shop, API version).
// Pure apart from node:crypto; used by the team server, which answers 200 and dedups on the id.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const shoplineWebhookTopics = [
  'orders/create',
  'orders/updated',
  'orders/paid',
  'orders/cancelled',
  'orders/fulfilled',
  'orders/partially_fulfilled',
  'orders/edited',
  'orders/delete',
  'refunds/create',
  'refunds/update',
  'fulfillments/create',
  'fulfillments/update',
  'customers/create',
  'customers/update',
  'customers/delete',
] as const;
export type ShoplineWebhookTopic = (typeof shoplineWebhookTopics)[number];

// The SDK says `orders/updated`, the docs' example `orders/update`: both mean the same event.
const topicAliases: Record<string, ShoplineWebhookTopic> = { 'orders/update': 'orders/updated' };

/** The canonical topic, or null for one Topicdesk does not know (still answer 200 to those). */
export function normalizeWebhookTopic(raw: string): ShoplineWebhookTopic | null {
  const topic = raw.trim().toLowerCase();
  const alias = topicAliases[topic];
  if (alias) return alias;
  return (shoplineWebhookTopics as readonly string[]).includes(topic) ? (topic as ShoplineWebhookTopic) : null;
}

/** The request body exactly as received: never a re-serialised object. */
export type RawBody = string | Uint8Array | Buffer;

export function signShoplineWebhook(
  rawBody: RawBody,
  appSecret: string,
  encoding: 'hex' | 'base64' = 'base64',
): string {
  return createHmac('sha256', appSecret).update(bytesOf(rawBody)).digest(encoding);
}

/** True when `signature` (hex or base64) is the body's HMAC-SHA256 under the app secret. */
export function verifyShoplineWebhookSignature(
  rawBody: RawBody,
  signature: string | null | undefined,
  appSecret: string,
): boolean {
  if (!signature || !appSecret) return false;
  const given = decodeSignature(signature.trim());
  if (!given) return false;
  const expected = bytesOf(createHmac('sha256', appSecret).update(bytesOf(rawBody)).digest());
  return given.length === expected.length && timingSafeEqual(given, expected);
}

// A plain Uint8Array view over the same memory: @types/node's Buffer does not type-check as
// an ArrayBufferView against this project's ES2023 lib, though it is one at runtime.
function bytesOf(raw: Uint8Array | Buffer): Uint8Array;
function bytesOf(raw: RawBody): string | Uint8Array;
function bytesOf(raw: RawBody): string | Uint8Array {
  return typeof raw === 'string' ? raw : new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
}

function decodeSignature(signature: string): Uint8Array | null {
  // 64 hex characters cannot be a base64 SHA-256 (44 characters), so the two never collide.
  if (/^[0-9a-f]{64}$/i.test(signature)) return bytesOf(Buffer.from(signature, 'hex'));
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(signature)) {
    const bytes = Buffer.from(signature.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    return bytes.length === 32 ? bytesOf(bytes) : null;
  }
  return null;
}

/** Headers as Node (lower-case keys, maybe arrays) or fetch (`Headers`) give them. */
export type HeaderBag = Headers | Record<string, string | string[] | undefined>;

export interface ShoplineWebhookMeta {
  /** Null for a topic Topicdesk does not know. */
  topic: ShoplineWebhookTopic | null;
  rawTopic: string;
  /** Shopline resends with the same id: the dedup key. */
  webhookId: string;
  signature: string;
  shopDomain: string | null;
  shopId: string | null;
  merchantId: string | null;
  apiVersion: string | null;
}

export type WebhookRejection = 'missing_header' | 'bad_signature' | 'bad_json';

export type ShoplineWebhookResult =
  | { ok: true; meta: ShoplineWebhookMeta; payload: unknown }
  | { ok: false; reason: WebhookRejection; detail: string };

export function parseShoplineWebhookHeaders(
  headers: HeaderBag,
): { ok: true; meta: ShoplineWebhookMeta } | { ok: false; reason: 'missing_header'; detail: string } {
  const get = (name: string): string | null => headerValue(headers, name);
  const rawTopic = get('x-shopline-topic');
  const webhookId = get('x-shopline-webhook-id');
  const signature = get('x-shopline-hmac-sha256');
  const missing = [
    rawTopic ? null : 'X-Shopline-Topic',
    webhookId ? null : 'X-Shopline-Webhook-Id',
    signature ? null : 'X-Shopline-Hmac-Sha256',
  ].filter((h): h is string => h !== null);
  if (!rawTopic || !webhookId || !signature) {
    return { ok: false, reason: 'missing_header', detail: `missing ${missing.join(', ')}` };
  }
  return {
    ok: true,
    meta: {
      topic: normalizeWebhookTopic(rawTopic),
      rawTopic,
      webhookId,
      signature,
      shopDomain: get('x-shopline-shop-domain'),
      shopId: get('x-shopline-shop-id'),
      merchantId: get('x-shopline-merchant-id'),
      apiVersion: get('x-shopline-api-version'),
    },
  };
}

/** Everything the team server needs from one delivery: verified meta and the parsed body. */
export function readShoplineWebhook(input: {
  headers: HeaderBag;
  rawBody: RawBody;
  appSecret: string;
}): ShoplineWebhookResult {
  const parsed = parseShoplineWebhookHeaders(input.headers);
  if (!parsed.ok) return parsed;
  if (!verifyShoplineWebhookSignature(input.rawBody, parsed.meta.signature, input.appSecret)) {
    return { ok: false, reason: 'bad_signature', detail: 'X-Shopline-Hmac-Sha256 does not match the body' };
  }
  const text = typeof input.rawBody === 'string' ? input.rawBody : new TextDecoder().decode(bytesOf(input.rawBody));
  try {
    return { ok: true, meta: parsed.meta, payload: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: 'bad_json', detail: 'the body is not JSON' };
  }
}

function headerValue(headers: HeaderBag, name: string): string | null {
  let value: string | string[] | null | undefined;
  if (headers instanceof Headers) {
    value = headers.get(name);
  } else {
    const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
    value = key === undefined ? undefined : headers[key];
  }
  const first = Array.isArray(value) ? value[0] : value;
  const trimmed = first?.trim();
  return trimmed ? trimmed : null;
}
