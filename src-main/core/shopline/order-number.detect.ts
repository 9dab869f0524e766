// Finds order numbers in a customer's message: `#1234`, `order 1234` (a few languages), and the
// store's own prefixed format (`D2034`). Deliberately conservative: a bare number is never taken,
// and numbers that read as phones, prices, quantities, dates or times are left alone.
// Pure; runs anywhere (core, team server).

export interface OrderNumberFormat {
  /** The store's order-number prefixes, as set in Shopline admin (`D` for `D2034`). */
  prefixes?: readonly string[];
  /** Shortest digit run taken as an order number (default 3). */
  minDigits?: number;
  /** Longest digit run (default 9): longer runs are phone numbers or tracking codes. */
  maxDigits?: number;
}

export interface OrderNumberMention {
  /** What to look up: the digits (`1234`), or prefix + digits in the store's case (`D2034`). */
  number: string;
  /** The mention as written (`order no. 1234`). */
  text: string;
  index: number;
  kind: 'hash' | 'keyword' | 'prefix';
}

// After the digits: not more of a word or number, not a decimal/date/time/range/phone
// continuation, not a second digit group (phones written with spaces), not money or a quantity.
const UNITS =
  'usd|eur|gbp|rub|uah|cny|rmb|jpy|sgd|hkd|twd|myr|thb|vnd|idr|php|aud|cad|dollars?|euros?|bucks|руб\\p{L}*|грн|pcs|pieces?|items?|units?|kg|ml|шт';
const AFTER = `(?![\\p{L}\\p{N}_])(?![.,:/-]\\d)(?!\\s\\d{2})(?!\\s?(?:[$€£¥₽₴%]|(?:${UNITS})(?!\\p{L})))`;

const KEYWORDS =
  'orders?|заказ(?:а|у|ом|е|ы|ов)?|pedidos?|commandes?|bestellung(?:en)?|encomenda|ordine|订单号?|注文';
const MARKERS = '(?:no|nr|num|number|id|n°|nº|номер)';

export function detectOrderNumbers(text: string, format: OrderNumberFormat = {}): OrderNumberMention[] {
  const min = format.minDigits ?? 3;
  const max = format.maxDigits ?? 9;
  const digits = `(\\d{${min},${max}})`;
  const patterns: { kind: OrderNumberMention['kind']; re: RegExp; prefix?: string }[] = [
    // `&#1234;` is an HTML entity and `/#1234` a URL fragment, not an order.
    { kind: 'hash', re: new RegExp(`(?<![\\p{L}\\p{N}_&/])[#№]\\s?${digits}${AFTER}`, 'giu') },
    {
      kind: 'keyword',
      re: new RegExp(`(?<![\\p{L}\\p{N}_])(?:${KEYWORDS})(?:\\s*${MARKERS}\\.?)?\\s*[:#№]?\\s*${digits}${AFTER}`, 'giu'),
    },
    ...(format.prefixes ?? [])
      .map((p) => p.trim())
      .filter((p) => p !== '' && p !== '#')
      .map((prefix) => ({
        kind: 'prefix' as const,
        prefix,
        re: new RegExp(`(?<![\\p{L}\\p{N}_])#?${escapeRegExp(prefix)}${digits}${AFTER}`, 'giu'),
      })),
  ];

  const candidates: OrderNumberMention[] = [];
  for (const { kind, re, prefix } of patterns) {
    for (const m of text.matchAll(re)) {
      const found = m[1];
      if (found === undefined) continue;
      candidates.push({ number: prefix ? prefix + found : found, text: m[0], index: m.index, kind });
    }
  }

  // Earliest first; a mention inside one already taken (`order #1234`) or a repeat is dropped.
  candidates.sort((a, b) => a.index - b.index || b.text.length - a.text.length);
  const taken: OrderNumberMention[] = [];
  const seen = new Set<string>();
  let end = -1;
  for (const c of candidates) {
    if (c.index < end) continue;
    end = c.index + c.text.length;
    if (seen.has(c.number.toUpperCase())) continue;
    seen.add(c.number.toUpperCase());
    taken.push(c);
  }
  return taken;
}

function escapeRegExp(s: string): string {
  // Only syntax characters may be escaped under the `u` flag; a lone `-` is literal anyway.
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
