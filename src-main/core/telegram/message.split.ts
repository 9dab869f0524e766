// Splits a reply that is longer than Telegram's message limit into several messages,
// at paragraph, line or word boundaries. Pure; used by the gateway before sending.

/** Telegram's default `messageLengthMax`, in UTF-16 code units. */
export const DEFAULT_MESSAGE_LIMIT = 4096;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Whitespace a line may break at. No-break spaces (U+00A0, U+2007, U+202F) are left out on
 * purpose: writers use them to keep "10 kg" or "N° 5" together.
 */
function isBreakable(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a && code !== 0x2007) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x205f ||
    code === 0x3000
  );
}

function skipBreakable(text: string, from: number): number {
  let i = from;
  while (i < text.length && isBreakable(text.charCodeAt(i))) i++;
  return i;
}

function trimBreakableEnd(text: string, from: number, to: number): number {
  let i = to;
  while (i > from && isBreakable(text.charCodeAt(i - 1))) i--;
  return i;
}

/** The last blank line (\n, optional spaces or \r, \n) starting in [min, max]. */
function lastParagraphBreak(text: string, min: number, max: number): number {
  for (let i = max; i >= min; i--) {
    if (text.charCodeAt(i) !== 0x0a) continue;
    let j = i - 1;
    while (j >= min && (text.charCodeAt(j) === 0x20 || text.charCodeAt(j) === 0x09 || text.charCodeAt(j) === 0x0d)) j--;
    if (j >= min && text.charCodeAt(j) === 0x0a) return j;
  }
  return -1;
}

function lastCharIn(text: string, min: number, max: number, test: (code: number) => boolean): number {
  for (let i = max; i >= min; i--) if (test(text.charCodeAt(i))) return i;
  return -1;
}

/** For a word longer than the limit: the last grapheme boundary that fits, never inside a surrogate pair. */
function hardCut(text: string, pos: number, limit: number): number {
  const sample = text.slice(pos, Math.min(text.length, pos + limit + 64));
  let best = 0;
  for (const { index } of graphemes.segment(sample)) {
    if (index > limit) break;
    best = index;
  }
  if (best > 0) return pos + best;
  // A single grapheme longer than the limit: cut between code points at least.
  const end = pos + limit;
  const high = text.charCodeAt(end - 1);
  return high >= 0xd800 && high <= 0xdbff ? end - 1 : end;
}

/**
 * Splits `text` into parts of at most `limit` UTF-16 code units. A text that fits is
 * returned unchanged. Otherwise each cut prefers a blank line, then a line break (either
 * only if the part is at least half full), then any space; a word is cut only when it is
 * longer than the limit on its own, and then between graphemes. The whitespace at a cut
 * is dropped (Telegram trims messages anyway), so parts never start or end with it.
 */
export function splitMessage(text: string, limit: number = DEFAULT_MESSAGE_LIMIT): string[] {
  if (!Number.isInteger(limit) || limit < 2) throw new RangeError(`message limit must be an integer >= 2, got ${limit}`);
  if (text.length <= limit) return text.length === 0 ? [] : [text];

  const end = trimBreakableEnd(text, 0, text.length);
  const parts: string[] = [];
  let pos = skipBreakable(text, 0);
  while (end - pos > limit) {
    const windowEnd = pos + limit;
    // A separator at windowEnd itself still lets the whole window go out.
    const half = pos + Math.ceil(limit / 2);
    let cut = lastParagraphBreak(text, half, windowEnd);
    if (cut < 0) cut = lastCharIn(text, half, windowEnd, (c) => c === 0x0a);
    if (cut < 0) cut = lastCharIn(text, pos + 1, windowEnd, isBreakable);
    if (cut >= 0) {
      parts.push(text.slice(pos, trimBreakableEnd(text, pos, cut)));
      pos = skipBreakable(text, cut);
    } else {
      const at = hardCut(text, pos, limit);
      parts.push(text.slice(pos, at));
      pos = at;
    }
  }
  if (pos < end) parts.push(text.slice(pos, end));
  return parts;
}
