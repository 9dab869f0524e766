// Tests for the channel pts rule.
import { describe, expect, it } from 'vitest';
import { checkPts, ptsAfter } from './pts.rules';

describe('checkPts', () => {
  it('applies an update that follows on exactly', () => {
    expect(checkPts(10, { pts: 11, ptsCount: 1 })).toBe('apply');
    expect(checkPts(10, { pts: 13, ptsCount: 3 })).toBe('apply');
  });

  it('treats an update already covered by the stored pts as a duplicate', () => {
    expect(checkPts(10, { pts: 10, ptsCount: 1 })).toBe('duplicate');
    expect(checkPts(10, { pts: 5, ptsCount: 1 })).toBe('duplicate');
    // Overlaps what is stored: part of it was applied already.
    expect(checkPts(10, { pts: 11, ptsCount: 3 })).toBe('duplicate');
  });

  it('reports a gap when updates are missing in between', () => {
    expect(checkPts(10, { pts: 12, ptsCount: 1 })).toBe('gap');
    expect(checkPts(0, { pts: 1000, ptsCount: 1 })).toBe('gap');
  });

  it('handles a zero-count update (no new pts) as apply only at the same pts', () => {
    expect(checkPts(10, { pts: 10, ptsCount: 0 })).toBe('apply');
    expect(checkPts(10, { pts: 11, ptsCount: 0 })).toBe('gap');
  });
});

describe('ptsAfter', () => {
  it('moves forward only when the update was applied', () => {
    const step = { pts: 11, ptsCount: 1 };
    expect(ptsAfter(10, step, 'apply')).toBe(11);
    expect(ptsAfter(10, step, 'duplicate')).toBe(10);
    expect(ptsAfter(10, step, 'gap')).toBe(10);
  });
});
