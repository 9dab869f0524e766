// Routing rule matching: does a new ticket meet a rule's conditions? (pure; core routing service)
import type { Ticket } from '../../../src-preload/contract';
import type { RoutingCondition, RoutingRule } from '../../../src-preload/contract/config.contract';

export interface RoutingContext {
  ticket: Ticket;
  /** The first customer messages joined with newlines (the subject is matched as well). */
  firstMessagesText: string;
  /** Total of the linked order in the store currency; null when no order is linked. */
  orderValue: number | null;
}

/** Long texts are cut before matching so an admin's regex cannot stall routing on a huge paste. */
const MAX_MATCH_TEXT = 10_000;

function searchableText(ctx: RoutingContext): string {
  return `${ctx.ticket.subject}\n${ctx.firstMessagesText}`.slice(0, MAX_MATCH_TEXT).normalize('NFKC');
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A keyword matches where a word starts, in any script: 'refund' finds 'Refunds' and
 * 'refunded', 'ship' does not find 'relationship'. Spaces in a keyword match any whitespace.
 */
export function keywordMatches(text: string, keyword: string): boolean {
  const words = keyword.normalize('NFKC').trim().split(/\s+/).filter(Boolean).map(escapeRegExp);
  if (words.length === 0) return false;
  return new RegExp(`(?<![\\p{L}\\p{N}_])${words.join('\\s+')}`, 'iu').test(text);
}

function patternMatches(text: string, source: string): boolean {
  try {
    return new RegExp(source, 'iu').test(text);
  } catch {
    return false; // the schema rejects bad patterns; an old stored one simply never matches
  }
}

/** 'en' in the list accepts 'en', 'EN', 'en-GB'; 'en-GB' accepts only 'en-GB'. */
export function languageMatches(language: string | null, accepted: readonly string[]): boolean {
  if (language === null) return false;
  const lang = language.toLowerCase().replace(/_/g, '-');
  return accepted.some((a) => {
    const want = a.toLowerCase().replace(/_/g, '-');
    return lang === want || lang.startsWith(`${want}-`);
  });
}

// Plain lower-casing rather than localeCompare: every app must agree regardless of its locale.
const sameText = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export function conditionMatches(ctx: RoutingContext, condition: RoutingCondition, text = searchableText(ctx)): boolean {
  switch (condition.kind) {
    case 'keywords':
      return condition.any.some((k) => keywordMatches(text, k));
    case 'pattern':
      return patternMatches(text, condition.regex);
    case 'category':
      return ctx.ticket.category !== null && sameText(ctx.ticket.category, condition.equals);
    case 'tier':
      return condition.in.some((tier) => sameText(tier, ctx.ticket.customer.tier));
    case 'language':
      return languageMatches(ctx.ticket.customer.language, condition.in);
    case 'order_value': {
      const value = ctx.orderValue;
      if (value === null || !Number.isFinite(value)) return false;
      return (condition.min === undefined || value >= condition.min) && (condition.max === undefined || value <= condition.max);
    }
  }
}

/** All conditions hold (an empty list always does) and the rule is enabled. */
export function matchRule(ctx: RoutingContext, rule: RoutingRule): boolean {
  if (!rule.enabled) return false;
  const text = searchableText(ctx);
  return rule.conditions.every((c) => conditionMatches(ctx, c, text));
}

/** Rules in the order they are tried: `order`, then id, so every app agrees. */
export function orderedRules(rules: readonly RoutingRule[]): RoutingRule[] {
  return [...rules].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function firstMatchingRule(ctx: RoutingContext, rules: readonly RoutingRule[]): RoutingRule | null {
  return orderedRules(rules).find((rule) => matchRule(ctx, rule)) ?? null;
}
