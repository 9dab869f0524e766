// A routing condition as the form edits it (one text per value) and back to the contract's
// shape. Pure; renderer. The core validates the result (a regex that compiles, min ≤ max).
import type { RoutingCondition } from '../../../../src-preload/contract/config.contract';
import { listFromText, numberFrom } from './form.issues';

export type ConditionKind = RoutingCondition['kind'];

export interface ConditionText {
  kind: ConditionKind;
  /** Keywords, tiers, languages (comma-separated), the pattern or the category. */
  text: string;
  min: string;
  max: string;
}

export const conditionKinds: { kind: ConditionKind; label: string; hint: string }[] = [
  { kind: 'keywords', label: 'Mentions any of', hint: 'refund, money back' },
  { kind: 'pattern', label: 'Matches the pattern', hint: 'order\\s*#?\\d+' },
  { kind: 'category', label: 'Category is', hint: 'billing' },
  { kind: 'tier', label: 'Customer tier is one of', hint: 'vip, gold' },
  { kind: 'language', label: 'Language is one of', hint: 'de, fr' },
  { kind: 'order_value', label: 'Order value between', hint: '' },
];

export function conditionToText(condition: RoutingCondition): ConditionText {
  const blank = { min: '', max: '', text: '' };
  switch (condition.kind) {
    case 'keywords':
      return { ...blank, kind: 'keywords', text: condition.any.join(', ') };
    case 'pattern':
      return { ...blank, kind: 'pattern', text: condition.regex };
    case 'category':
      return { ...blank, kind: 'category', text: condition.equals };
    case 'tier':
    case 'language':
      return { ...blank, kind: condition.kind, text: condition.in.join(', ') };
    case 'order_value':
      return { ...blank, kind: 'order_value', min: condition.min === undefined ? '' : String(condition.min), max: condition.max === undefined ? '' : String(condition.max) };
  }
}

export function conditionFromText(c: ConditionText): RoutingCondition {
  switch (c.kind) {
    case 'keywords':
      return { kind: 'keywords', any: listFromText(c.text) };
    case 'pattern':
      return { kind: 'pattern', regex: c.text };
    case 'category':
      return { kind: 'category', equals: c.text.trim() };
    case 'tier':
    case 'language':
      return { kind: c.kind, in: listFromText(c.text) };
    case 'order_value':
      return {
        kind: 'order_value',
        ...(c.min.trim() !== '' ? { min: numberFrom(c.min) } : {}),
        ...(c.max.trim() !== '' ? { max: numberFrom(c.max) } : {}),
      };
  }
}
