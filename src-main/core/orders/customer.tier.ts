// The customer tier that routing and SLA policies match on, from what Shopline knows about the
// customer. Pure; main process.
//
// The rule (documented in the contract and the report):
//   1. a customer tag containing "vip" (any case: "VIP", "vip-2024") → 'vip'
//   2. total spent ≥ 1000 in the store currency                      → 'gold'
//   3. otherwise                                                      → 'standard'
// Currency is ignored: a store sells in one currency, and the threshold is a setting.
import type { ShoplineCustomer } from '../shopline/shopline.types';

export const customerTiers = ['vip', 'gold', 'standard'] as const;
export type CustomerTier = (typeof customerTiers)[number];

export interface TierRule {
  /** Total spent from which a customer is 'gold' (default 1000). */
  goldSpent: number;
}

export const defaultTierRule: TierRule = { goldSpent: 1000 };

/** A decimal string as a number, or null when it is not one ("", "n/a", "1,000"). */
export function decimalValue(amount: string | null | undefined): number | null {
  if (amount == null || !/^\s*-?\d+(\.\d+)?\s*$/.test(amount)) return null;
  const value = Number(amount);
  return Number.isFinite(value) ? value : null;
}

export function customerTier(
  customer: Pick<ShoplineCustomer, 'tags' | 'totalSpent'>,
  rule: TierRule = defaultTierRule,
): CustomerTier {
  if (customer.tags.some((tag) => tag.toLowerCase().includes('vip'))) return 'vip';
  const spent = decimalValue(customer.totalSpent);
  if (spent !== null && spent >= rule.goldSpent) return 'gold';
  return 'standard';
}
