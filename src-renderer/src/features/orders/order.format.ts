// How order data reads in the order panel and Settings: money, dates, state labels, the
// rate-limit wait. Pure; renderer.
import type { ScopeCheck } from '../../../../src-preload/contract/shopline.contract';

/** `148.00` + `USD` → `$148.00` in the agent's locale; as sent when the currency is unknown. */
export function money(amount: string, currency: string, locale?: string): string {
  const value = Number(amount);
  if (amount.trim() === '' || !Number.isFinite(value)) return `${amount} ${currency}`.trim();
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(value);
  } catch {
    return `${amount} ${currency}`.trim();
  }
}

export function orderDate(ms: number, locale?: string): string {
  return new Date(ms).toLocaleDateString(locale, { year: 'numeric', month: 'short', day: 'numeric' });
}

/** `partially_refunded` → `Partially refunded`; null stays unknown. */
export function stateLabel(state: string | null): string {
  if (!state) return 'Unknown';
  const words = state.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** `Waiting (rate limited) until 14:03:12`: the wait Shopline imposed, to the second. */
export function waitingText(until: number, locale?: string): string {
  const time = new Date(until).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return `Waiting (rate limited) until ${time}`;
}

export const scopeLabel: Record<ScopeCheck | 'not_checked', string> = {
  granted: 'allowed',
  missing: 'not allowed',
  unknown: 'not known',
  not_checked: 'not checked (testing it would change an order)',
};

/** Only web links leave the app; anything else in store data is shown as text. */
export const isWebUrl = (url: string): boolean => /^https?:\/\//i.test(url);

/** Opens a link in the system browser after the person confirms where it leads. */
export function openOutside(url: string): void {
  if (!isWebUrl(url)) return;
  if (window.confirm(`Open this link in your browser?\n\n${url}`)) window.open(url, '_blank', 'noopener,noreferrer');
}
