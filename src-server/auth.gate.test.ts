// Reading credentials from requests: Basic authorization and the AuthSession cookie.
import { describe, expect, it } from 'vitest';
import { parseBasicAuthorization, parseCookie } from './auth.gate';

describe('credentials', () => {
  it('reads Basic authorization, with colons in the password', () => {
    const header = `Basic ${Buffer.from('tg1:pa:ss').toString('base64')}`;
    expect(parseBasicAuthorization(header)).toEqual({ name: 'tg1', password: 'pa:ss' });
    expect(parseBasicAuthorization(`basic   ${Buffer.from('a:').toString('base64')} `)).toEqual({ name: 'a', password: '' });
    expect(parseBasicAuthorization(undefined)).toBeNull();
    expect(parseBasicAuthorization('Bearer abc')).toBeNull();
    expect(parseBasicAuthorization(`Basic ${Buffer.from('nocolon').toString('base64')}`)).toBeNull();
  });

  it('finds the AuthSession cookie among others', () => {
    expect(parseCookie('a=1; AuthSession=dGcx%3D; b=2', 'AuthSession')).toBe('dGcx=');
    expect(parseCookie('XAuthSession=1', 'AuthSession')).toBeNull();
    expect(parseCookie(undefined, 'AuthSession')).toBeNull();
  });
});
