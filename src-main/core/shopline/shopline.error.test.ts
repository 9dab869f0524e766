// Status → error kind, every shape of `errors`, and the bridge error codes.
import { describe, expect, it } from 'vitest';
import { CommandError } from '../../../src-preload/contract';
import { ShoplineError, errorKindForStatus, errorMessageFromBody, toCommandError } from './shopline.error';

describe('errorKindForStatus', () => {
  it.each([
    [401, 'unauthorized'],
    [402, 'store_frozen'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [429, 'rate_limited'],
    [400, 'bad_request'],
    [406, 'bad_request'],
    [422, 'bad_request'],
    [500, 'server'],
    [503, 'server'],
  ] as const)('%i → %s', (status, kind) => {
    expect(errorKindForStatus(status)).toBe(kind);
  });
});

describe('errorMessageFromBody', () => {
  it('reads errors as a string, an array or an object', () => {
    expect(errorMessageFromBody({ errors: 'Too many request' }, 'x')).toBe('Too many request');
    expect(errorMessageFromBody({ errors: ['first', 'second'] }, 'x')).toBe('first; second');
    expect(errorMessageFromBody({ errors: { limit: ['must be between 1 and 100'], ids: 'too many' } }, 'x')).toBe(
      'limit: must be between 1 and 100; ids: too many',
    );
    expect(errorMessageFromBody({ errors: { order: { tags: ['too long'] } } }, 'x')).toBe('order: tags: too long');
  });

  it('falls back when there is nothing readable', () => {
    expect(errorMessageFromBody(undefined, 'HTTP 500')).toBe('HTTP 500');
    expect(errorMessageFromBody('<html>', 'HTTP 502')).toBe('HTTP 502');
    expect(errorMessageFromBody({ errors: [] }, 'HTTP 400')).toBe('HTTP 400');
    expect(errorMessageFromBody({ errors: '  ' }, 'HTTP 400')).toBe('HTTP 400');
  });

  it('reads the Asia flavour\'s `error` too', () => {
    expect(errorMessageFromBody({ error: 'Rate limit exceeded', code: 'RateLimitExceeded' }, 'x')).toBe(
      'Rate limit exceeded',
    );
  });
});

describe('ShoplineError', () => {
  it('carries kind, status and traceId', () => {
    const e = new ShoplineError('forbidden', 'needs read_orders', { status: 403, traceId: 't-1' });
    expect(e).toBeInstanceOf(Error);
    expect([e.kind, e.status, e.traceId, e.message, e.name]).toEqual([
      'forbidden',
      403,
      't-1',
      'needs read_orders',
      'ShoplineError',
    ]);
    expect(new ShoplineError('network', 'down').status).toBeNull();
  });

  it('crosses the bridge with a contract error code', () => {
    const codes = (['unauthorized', 'forbidden', 'not_found', 'rate_limited', 'network', 'malformed'] as const).map(
      (kind) => toCommandError(new ShoplineError(kind, 'x')).code,
    );
    expect(codes).toEqual(['unauthorized', 'unauthorized', 'not_found', 'unavailable', 'unavailable', 'internal']);
    expect(toCommandError(new ShoplineError('server', 'boom'))).toBeInstanceOf(CommandError);
  });
});
