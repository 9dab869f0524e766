// The documented tier rule, and the order context routing and SLA read.
import { describe, expect, it } from 'vitest';
import { unknownCustomer } from '../tickets/ticket.factory';
import { customerTier, decimalValue } from './customer.tier';
import { orderContextFrom } from './order.context';

describe('customerTier', () => {
  it.each([
    [['VIP'], '5.00', 'vip'],
    [['wholesale', 'vip-2024'], null, 'vip'],
    [[], '1000.00', 'gold'],
    [[], '999.99', 'standard'],
    [['repeat'], '12000', 'gold'],
    [[], null, 'standard'],
    [[], 'n/a', 'standard'],
  ])('tags %o, spent %s → %s', (tags, totalSpent, tier) => {
    expect(customerTier({ tags, totalSpent })).toBe(tier);
  });

  it('takes the gold threshold from the rule', () => {
    expect(customerTier({ tags: [], totalSpent: '500' }, { goldSpent: 500 })).toBe('gold');
  });
});

describe('decimalValue', () => {
  it.each([
    ['148.00', 148],
    ['-3.5', -3.5],
    ['0', 0],
    ['1,000.00', null],
    ['', null],
    [null, null],
  ])('%s → %s', (text, value) => {
    expect(decimalValue(text)).toBe(value);
  });
});

describe('orderContextFrom', () => {
  const ticket = { customer: { ...unknownCustomer('Ann'), tier: 'gold' } };
  it('uses the current order total and the Shopline customer tier', () => {
    expect(orderContextFrom(ticket, { total: '148.00' }, { tier: 'vip' })).toEqual({ orderValue: 148, tier: 'vip' });
  });
  it('falls back to the ticket tier and no value', () => {
    expect(orderContextFrom(ticket, null, null)).toEqual({ orderValue: null, tier: 'gold' });
  });
});
