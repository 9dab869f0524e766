// Routing conditions between the form's text fields and the contract's shapes.
import { describe, expect, it } from 'vitest';
import type { RoutingCondition } from '../../../../src-preload/contract/config.contract';
import { conditionFromText, conditionToText } from './routing.conditions';

describe('routing conditions', () => {
  it('round-trips every kind', () => {
    const conditions: RoutingCondition[] = [
      { kind: 'keywords', any: ['refund', 'money back'] },
      { kind: 'pattern', regex: 'order\\s*\\d+' },
      { kind: 'category', equals: 'billing' },
      { kind: 'tier', in: ['vip'] },
      { kind: 'language', in: ['de', 'fr'] },
      { kind: 'order_value', min: 100 },
      { kind: 'order_value', min: 10, max: 20 },
    ];
    for (const c of conditions) expect(conditionFromText(conditionToText(c))).toEqual(c);
  });

  it('leaves blank bounds out and sends an unreadable bound for the core to name', () => {
    expect(conditionFromText({ kind: 'order_value', text: '', min: '', max: ' ' })).toEqual({ kind: 'order_value' });
    const odd = conditionFromText({ kind: 'order_value', text: '', min: 'lots', max: '' });
    expect(odd.kind === 'order_value' && Number.isNaN(odd.min)).toBe(true);
  });
});
