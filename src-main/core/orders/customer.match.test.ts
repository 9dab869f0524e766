// Which fuzzy customer-search hit is really the ticket's customer.
import { describe, expect, it } from 'vitest';
import type { ShoplineCustomer } from '../shopline/shopline.types';
import { pickCustomer, samePhone } from './customer.match';

const customer = (id: string, phone: string | null, email: string | null): ShoplineCustomer => ({
  id,
  name: id,
  email,
  phone,
  ordersCount: null,
  totalSpent: null,
  tags: [],
});

describe('samePhone', () => {
  it.each([
    ['+1 (415) 555-0142', '+14155550142', true],
    ['415 555 0142', '+14155550142', true],
    ['+14155550142', '+14155550143', false],
    ['5550142', '+14155550142', false],
    ['12345', '12345', false],
  ])('%s vs %s → %s', (a, b, same) => {
    expect(samePhone(a, b)).toBe(same);
  });
});

describe('pickCustomer', () => {
  const maya = customer('1', '+14155550142', 'maya@example.com');
  const mayo = customer('2', '+14155550142999', 'maya.other@example.com');

  it('takes the exact phone among partial hits', () => {
    expect(pickCustomer([mayo, maya], { phone: '+1 415 555 0142' })).toBe(maya);
  });

  it('takes the exact email in any case', () => {
    expect(pickCustomer([mayo, maya], { email: ' MAYA@example.com ' })).toBe(maya);
  });

  it('takes nobody when nobody matches exactly, or when two do', () => {
    expect(pickCustomer([mayo], { phone: '+14155550142' })).toBeNull();
    expect(pickCustomer([maya, customer('3', '+14155550142', null)], { phone: '+14155550142' })).toBeNull();
    expect(pickCustomer([maya], {})).toBeNull();
  });
});
