// Tests for routing rule conditions and rule order.
import { describe, expect, it } from 'vitest';
import { RoutingRule } from '../../../src-preload/contract/config.contract';
import type { RoutingCondition } from '../../../src-preload/contract/config.contract';
import { firstMatchingRule, keywordMatches, languageMatches, matchRule } from './routing.rules';
import type { RoutingContext } from './routing.rules';
import { makeTicket } from './rules.fixtures';

function ctx(overrides: Partial<RoutingContext> = {}, ticket: Parameters<typeof makeTicket>[0] = {}): RoutingContext {
  return { ticket: makeTicket(ticket), firstMessagesText: '', orderValue: null, ...overrides };
}

function rule(id: string, conditions: RoutingCondition[], extra: Partial<RoutingRule> = {}): RoutingRule {
  return RoutingRule.parse({ id, name: id, order: 10, conditions, target: { kind: 'queue', queue: id }, updatedAt: 0, ...extra });
}

describe('keywords', () => {
  it('match at the start of a word, case-insensitively, in subject or messages', () => {
    expect(keywordMatches('I want a REFUND please', 'refund')).toBe(true);
    expect(keywordMatches('It was refunded twice', 'refund')).toBe(true);
    expect(keywordMatches('our relationship', 'ship')).toBe(false);
    expect(keywordMatches('Wo ist meine Rückerstattung?', 'rückerstattung')).toBe(true);
    expect(keywordMatches('Где мой ЗАКАЗ?', 'заказ')).toBe(true);
    expect(keywordMatches('не пришёл подзаказ', 'заказ')).toBe(false);
    expect(keywordMatches('credit\n card declined', 'credit card')).toBe(true);
    expect(keywordMatches('price in US', '(us$)')).toBe(false); // punctuation is literal, not a regex
    expect(keywordMatches('price (US$)', '(us$)')).toBe(true);
    expect(keywordMatches('total: $5', '$5')).toBe(true);
    expect(keywordMatches('anything', '   ')).toBe(false);
  });

  it('any of the list suffices', () => {
    const r = rule('k', [{ kind: 'keywords', any: ['refund', 'chargeback'] }]);
    expect(matchRule(ctx({ firstMessagesText: 'bank chargeback' }), r)).toBe(true);
    expect(matchRule(ctx({}, { subject: 'Refund for order 12' }), r)).toBe(true);
    expect(matchRule(ctx({ firstMessagesText: 'hello' }, { subject: 'hi' }), r)).toBe(false);
  });
});

describe('other conditions', () => {
  it('pattern: case-insensitive regex; a broken stored pattern never matches', () => {
    const r = rule('p', [{ kind: 'pattern', regex: 'order\\s*#?\\d{4,}' }]);
    expect(matchRule(ctx({ firstMessagesText: 'ORDER #12345 missing' }), r)).toBe(true);
    expect(matchRule(ctx({ firstMessagesText: 'order 12' }, { subject: 'x' }), r)).toBe(false);
    const broken: RoutingRule = { ...r, conditions: [{ kind: 'pattern', regex: '(' }] };
    expect(matchRule(ctx({ firstMessagesText: '(' }), broken)).toBe(false);
  });

  it('category: equal ignoring case; a ticket without category never matches', () => {
    const r = rule('c', [{ kind: 'category', equals: 'Billing' }]);
    expect(matchRule(ctx({}, { category: 'billing' }), r)).toBe(true);
    expect(matchRule(ctx({}, { category: 'shipping' }), r)).toBe(false);
    expect(matchRule(ctx({}, { category: null }), r)).toBe(false);
  });

  it('tier: one of the list', () => {
    const r = rule('t', [{ kind: 'tier', in: ['vip', 'gold'] }]);
    const t = makeTicket();
    expect(matchRule(ctx({}, { customer: { ...t.customer, tier: 'VIP' } }), r)).toBe(true);
    expect(matchRule(ctx({}, { customer: { ...t.customer, tier: 'standard' } }), r)).toBe(false);
  });

  it('language: by tag, a bare language covering its regional variants', () => {
    expect(languageMatches('en-GB', ['en'])).toBe(true);
    expect(languageMatches('EN', ['en'])).toBe(true);
    expect(languageMatches('en', ['en-GB'])).toBe(false);
    expect(languageMatches('eng', ['en'])).toBe(false);
    expect(languageMatches(null, ['en'])).toBe(false);
    const r = rule('l', [{ kind: 'language', in: ['de', 'fr'] }]);
    expect(matchRule(ctx(), r)).toBe(true); // fixture customer writes 'de'
  });

  it('order value: inclusive bounds, either optional; no order never matches', () => {
    const between = rule('o', [{ kind: 'order_value', min: 100, max: 500 }]);
    expect(matchRule(ctx({ orderValue: 100 }), between)).toBe(true);
    expect(matchRule(ctx({ orderValue: 500 }), between)).toBe(true);
    expect(matchRule(ctx({ orderValue: 99.99 }), between)).toBe(false);
    expect(matchRule(ctx({ orderValue: 500.01 }), between)).toBe(false);
    expect(matchRule(ctx({ orderValue: null }), between)).toBe(false);
    expect(matchRule(ctx({ orderValue: 1e9 }), rule('min', [{ kind: 'order_value', min: 1000 }]))).toBe(true);
    expect(matchRule(ctx({ orderValue: 0 }), rule('any', [{ kind: 'order_value' }]))).toBe(true);
  });

  it('needs every condition; an empty list is a catch-all; a disabled rule never matches', () => {
    const both = rule('b', [
      { kind: 'keywords', any: ['refund'] },
      { kind: 'order_value', min: 100 },
    ]);
    expect(matchRule(ctx({ firstMessagesText: 'refund', orderValue: 150 }), both)).toBe(true);
    expect(matchRule(ctx({ firstMessagesText: 'refund', orderValue: 50 }), both)).toBe(false);
    expect(matchRule(ctx(), rule('all', []))).toBe(true);
    expect(matchRule(ctx(), rule('off', [], { enabled: false }))).toBe(false);
  });
});

describe('firstMatchingRule', () => {
  it('tries rules by order, then id, skipping disabled ones', () => {
    const rules = [
      rule('z-catch-all', [], { order: 100 }),
      rule('refunds', [{ kind: 'keywords', any: ['refund'] }], { order: 1 }),
      rule('b-vip', [{ kind: 'tier', in: ['standard'] }], { order: 5 }),
      rule('a-vip', [{ kind: 'tier', in: ['standard'] }], { order: 5 }),
      rule('disabled', [], { order: 0, enabled: false }),
    ];
    expect(firstMatchingRule(ctx({ firstMessagesText: 'refund' }), rules)?.id).toBe('refunds');
    expect(firstMatchingRule(ctx(), rules)?.id).toBe('a-vip');
    expect(firstMatchingRule(ctx(), [...rules].reverse())?.id).toBe('a-vip');
    expect(firstMatchingRule(ctx(), [rules[1] as RoutingRule])).toBeNull();
  });
});
