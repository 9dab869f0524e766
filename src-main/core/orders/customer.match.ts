// Which of Shopline's fuzzy customer-search hits is really the ticket's customer. Shopline's
// search matches parts of phones, emails and names, so only an exact phone (same digits, ignoring
// formatting and a missing country code) or the same email (any case) counts. Pure; main process.
import type { ShoplineCustomer } from '../shopline/shopline.types';

/** Digits only: `+1 (415) 555-0142` → `14155550142`. */
export const phoneDigits = (phone: string): string => phone.replace(/\D/g, '');

/**
 * Same number: equal digits, or one is the other with a country code in front (customers type
 * `415 555 0142`, the store keeps `+14155550142`). Short numbers never match by suffix.
 */
export function samePhone(a: string, b: string): boolean {
  const x = phoneDigits(a);
  const y = phoneDigits(b);
  if (x.length < 6 || y.length < 6) return false;
  if (x === y) return true;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  return short.length >= 8 && long.length - short.length <= 3 && long.endsWith(short);
}

export const sameEmail = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The one hit that is this person; null when none is, or when several are (ambiguous: ask an agent). */
export function pickCustomer(
  hits: readonly ShoplineCustomer[],
  contact: { phone?: string | null; email?: string | null },
): ShoplineCustomer | null {
  const matches = hits.filter(
    (c) =>
      (contact.phone && c.phone && samePhone(contact.phone, c.phone)) ||
      (contact.email && c.email && sameEmail(contact.email, c.email)),
  );
  const unique = [...new Map(matches.map((c) => [c.id, c])).values()];
  return unique.length === 1 ? (unique[0] ?? null) : null;
}
