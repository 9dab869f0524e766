// Webhook signatures (hex, base64, tampering) and header parsing.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  normalizeWebhookTopic,
  parseShoplineWebhookHeaders,
  readShoplineWebhook,
  signShoplineWebhook,
  verifyShoplineWebhookSignature,
} from './shopline.webhook';

const secret = 'app-secret-123';
const body = '{"id":"21050224312121887324667162","name":"#1001","financial_status":"paid"}';
const hex = createHmac('sha256', secret).update(body).digest('hex');
const base64 = createHmac('sha256', secret).update(body).digest('base64');

function headers(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    'x-shopline-topic': 'orders/updated',
    'x-shopline-hmac-sha256': base64,
    'x-shopline-shop-domain': 'demo.myshopline.com',
    'x-shopline-shop-id': '1644828244663',
    'x-shopline-merchant-id': '2000000001',
    'x-shopline-api-version': 'v20251201',
    'x-shopline-webhook-id': 'wh-7f3a',
    ...overrides,
  };
}

describe('verifyShoplineWebhookSignature', () => {
  it('accepts the HMAC in hex (the SDK) and in base64 (the docs)', () => {
    expect(verifyShoplineWebhookSignature(body, hex, secret)).toBe(true);
    expect(verifyShoplineWebhookSignature(body, hex.toUpperCase(), secret)).toBe(true);
    expect(verifyShoplineWebhookSignature(body, base64, secret)).toBe(true);
    expect(verifyShoplineWebhookSignature(Buffer.from(body), ` ${base64} `, secret)).toBe(true);
  });

  it('accepts URL-safe base64', () => {
    const urlSafe = base64.replace(/\+/g, '-').replace(/\//g, '_');
    expect(verifyShoplineWebhookSignature(body, urlSafe, secret)).toBe(true);
  });

  it('signs the way it verifies', () => {
    expect(signShoplineWebhook(body, secret, 'hex')).toBe(hex);
    expect(signShoplineWebhook(body, secret)).toBe(base64);
  });

  it.each([
    ['another secret', body, hex, 'other-secret'],
    ['a changed body', body.replace('paid', 'refunded'), base64, secret],
    ['a re-serialised body', JSON.stringify(JSON.parse(body), null, 1), hex, secret],
    ['a truncated hex signature', body, hex.slice(0, 62), secret],
    ['a truncated base64 signature', body, base64.slice(0, 40), secret],
    ['a signature of another length', body, createHmac('sha1', secret).update(body).digest('hex'), secret],
    ['garbage', body, 'not-a-signature', secret],
    ['an empty signature', body, '', secret],
    ['an empty secret', body, createHmac('sha256', '').update(body).digest('hex'), ''],
  ])('rejects %s', (_label, payload, signature, key) => {
    expect(verifyShoplineWebhookSignature(payload, signature, key)).toBe(false);
  });

  it('rejects a missing signature', () => {
    expect(verifyShoplineWebhookSignature(body, undefined, secret)).toBe(false);
    expect(verifyShoplineWebhookSignature(body, null, secret)).toBe(false);
  });
});

describe('normalizeWebhookTopic', () => {
  it('treats orders/update as orders/updated', () => {
    expect(normalizeWebhookTopic('orders/update')).toBe('orders/updated');
    expect(normalizeWebhookTopic('orders/updated')).toBe('orders/updated');
    expect(normalizeWebhookTopic(' Orders/Update ')).toBe('orders/updated');
  });

  it('knows the documented topics and nothing else', () => {
    expect(normalizeWebhookTopic('refunds/create')).toBe('refunds/create');
    expect(normalizeWebhookTopic('customers/delete')).toBe('customers/delete');
    expect(normalizeWebhookTopic('products/create')).toBeNull();
  });
});

describe('parseShoplineWebhookHeaders', () => {
  it('reads Node-style headers', () => {
    expect(parseShoplineWebhookHeaders(headers({ 'x-shopline-topic': 'orders/update' }))).toEqual({
      ok: true,
      meta: {
        topic: 'orders/updated',
        rawTopic: 'orders/update',
        webhookId: 'wh-7f3a',
        signature: base64,
        shopDomain: 'demo.myshopline.com',
        shopId: '1644828244663',
        merchantId: '2000000001',
        apiVersion: 'v20251201',
      },
    });
  });

  it('reads fetch Headers and any capitalisation, and the first of repeated values', () => {
    const fetchHeaders = new Headers({
      'X-Shopline-Topic': 'refunds/create',
      'X-Shopline-Hmac-Sha256': hex,
      'X-Shopline-Webhook-Id': 'wh-1',
    });
    const fromFetch = parseShoplineWebhookHeaders(fetchHeaders);
    expect(fromFetch.ok && [fromFetch.meta.topic, fromFetch.meta.webhookId, fromFetch.meta.shopDomain]).toEqual([
      'refunds/create',
      'wh-1',
      null,
    ]);
    const mixed = parseShoplineWebhookHeaders({
      'X-Shopline-Topic': ['orders/paid', 'orders/create'],
      'X-SHOPLINE-HMAC-SHA256': hex,
      'x-shopline-webhook-id': 'wh-2',
    });
    expect(mixed.ok && mixed.meta.topic).toBe('orders/paid');
  });

  it('keeps an unknown topic (so the server can still answer 200) as topic null', () => {
    const parsed = parseShoplineWebhookHeaders(headers({ 'x-shopline-topic': 'products/create' }));
    expect(parsed.ok && [parsed.meta.topic, parsed.meta.rawTopic]).toEqual([null, 'products/create']);
  });

  it('names the missing headers', () => {
    expect(parseShoplineWebhookHeaders(headers({ 'x-shopline-webhook-id': undefined, 'x-shopline-topic': ' ' }))).toEqual({
      ok: false,
      reason: 'missing_header',
      detail: 'missing X-Shopline-Topic, X-Shopline-Webhook-Id',
    });
  });
});

describe('readShoplineWebhook', () => {
  it('returns verified meta and the parsed body', () => {
    const result = readShoplineWebhook({ headers: headers(), rawBody: Buffer.from(body), appSecret: secret });
    expect(result).toMatchObject({ ok: true, meta: { webhookId: 'wh-7f3a', topic: 'orders/updated' } });
    expect(result.ok && result.payload).toEqual(JSON.parse(body));
  });

  it('refuses a bad signature before reading the body', () => {
    const result = readShoplineWebhook({ headers: headers(), rawBody: '{not json', appSecret: secret });
    expect(result).toMatchObject({ ok: false, reason: 'bad_signature' });
  });

  it('refuses a signed body that is not JSON', () => {
    const raw = 'not json';
    const result = readShoplineWebhook({
      headers: headers({ 'x-shopline-hmac-sha256': signShoplineWebhook(raw, secret, 'hex') }),
      rawBody: raw,
      appSecret: secret,
    });
    expect(result).toMatchObject({ ok: false, reason: 'bad_json' });
  });

  it('refuses a delivery without its headers', () => {
    const result = readShoplineWebhook({ headers: {}, rawBody: body, appSecret: secret });
    expect(result).toMatchObject({ ok: false, reason: 'missing_header' });
  });
});
