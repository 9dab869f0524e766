// The connection status and test report as Settings shows them; handles as people paste them.
import { describe, expect, it } from 'vitest';
import { ShoplineCredentials, ShoplineStatus } from '../../../src-preload/contract/shopline.contract';
import { problemText, toBridgeFailure } from './shopline.problem';
import { connectionReport, shoplineStatus, type ConnectionFacts } from './shopline.status';
import { ShoplineError } from '../shopline/shopline.error';

const facts: ConnectionFacts = {
  configured: true,
  handle: 'acme',
  apiVersion: 'v20251201',
  demo: false,
  scopes: null,
  checkedAt: null,
  allowWriteNotes: false,
  rate: { state: 'ok' },
  problem: null,
  secrets: { description: 'the OS keychain', persistent: true },
};

describe('shoplineStatus', () => {
  it('is ok, waiting (over an old error), error, or not configured', () => {
    expect(shoplineStatus(facts).state).toBe('ok');
    const problem = { kind: 'unauthorized' as const, text: 'rejected' };
    expect(shoplineStatus({ ...facts, problem })).toMatchObject({ state: 'error', error: 'rejected', errorKind: 'unauthorized' });
    expect(shoplineStatus({ ...facts, problem, rate: { state: 'waiting', until: 99 } })).toMatchObject({ state: 'waiting', waitingUntil: 99 });
    expect(shoplineStatus({ ...facts, configured: false, rate: { state: 'waiting', until: 99 } })).toMatchObject({
      state: 'not_configured',
      waitingUntil: null,
    });
    expect(ShoplineStatus.parse(shoplineStatus(facts))).toEqual(shoplineStatus(facts));
  });

  it('warns when the token is lost at exit, except in the demo', () => {
    const memory = { description: 'memory', persistent: false };
    expect(shoplineStatus({ ...facts, secrets: memory }).secretWarning).toContain('memory only');
    expect(shoplineStatus({ ...facts, secrets: memory, demo: true }).secretWarning).toBeNull();
  });
});

describe('connectionReport', () => {
  it('says what a good token may do and that writing was not probed', () => {
    const report = connectionReport({
      ok: true,
      problem: null,
      scopes: { read_orders: 'granted', read_customers: 'granted', write_orders: 'not_checked' },
    });
    expect(report.summary).toMatch(/read orders and customers.*not checked/s);
  });

  it('names the missing scope', () => {
    const report = connectionReport({
      ok: false,
      problem: { kind: 'forbidden', message: 'the token lacks read_customers', status: 403, traceId: null },
      scopes: { read_orders: 'granted', read_customers: 'missing', write_orders: 'not_checked' },
    });
    expect(report.summary).toContain('the token lacks read_customers');
  });
});

describe('problems', () => {
  it('turns Shopline errors into plain, typed bridge errors and leaves others alone', () => {
    expect(toBridgeFailure(new ShoplineError('unauthorized', 'Invalid API key'))).toMatchObject({
      code: 'unauthorized',
      message: 'Shopline rejected the token: reconnect in Settings.',
    });
    expect(toBridgeFailure(new ShoplineError('store_frozen', 'x'))).toMatchObject({ code: 'unavailable' });
    const other = new Error('boom');
    expect(toBridgeFailure(other)).toBe(other);
    expect(problemText('malformed', 'orders.0.id: required')).toContain('nothing is shown');
  });
});

describe('ShoplineCredentials', () => {
  it.each(['acme', ' ACME ', 'acme.myshopline.com', 'https://acme.myshopline.com/admin/orders?x=1'])('reads the handle in %s', (handle) => {
    expect(ShoplineCredentials.parse({ handle, accessToken: 'shpat_12345678' }).handle).toBe('acme');
  });

  it.each([
    { handle: 'acme shop', accessToken: 'shpat_12345678' },
    { handle: 'acme', accessToken: 'short' },
    { handle: 'acme', accessToken: 'has a space in it' },
    { handle: 'acme', accessToken: 'shpat_12345678', apiVersion: '2025-12' },
  ])('refuses %o', (credentials) => {
    expect(ShoplineCredentials.safeParse(credentials).success).toBe(false);
  });
});
