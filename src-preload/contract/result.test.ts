import { describe, expect, it } from 'vitest';
import { fail, ok } from './result';

describe('result', () => {
  it('keeps issues only when there are some', () => {
    expect(ok(1)).toEqual({ ok: true, value: 1 });
    expect(fail('not_found', 'x')).toEqual({ ok: false, error: { code: 'not_found', message: 'x' } });
    expect(fail('invalid_params', 'x', ['a: b']).ok).toBe(false);
  });
});
