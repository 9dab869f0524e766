// Tests for splitting long replies into Telegram-sized messages.
import { describe, expect, it } from 'vitest';
import { DEFAULT_MESSAGE_LIMIT, splitMessage } from './message.split';

const noSpace = (s: string): string => s.replace(/[\t\n\v\f\r \u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]/g, '');
const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** The invariants every split must keep, whatever the text. */
function expectWellSplit(text: string, parts: string[], limit: number): void {
  expect(noSpace(parts.join(''))).toBe(noSpace(text));
  for (const part of parts) {
    expect(part.length).toBeGreaterThan(0);
    expect(part.length).toBeLessThanOrEqual(limit);
    expect(isLow(part.charCodeAt(0))).toBe(false);
    expect(isHigh(part.charCodeAt(part.length - 1))).toBe(false);
  }
  if (parts.length > 1) {
    for (const part of parts) {
      expect(part).toBe(part.trim());
    }
  }
  // Cuts fall on whitespace unless the part is one unbroken run (a word longer than the limit).
  let cursor = text.search(/\S/);
  for (let k = 0; k < parts.length - 1; k++) {
    const part = parts[k]!;
    cursor = text.indexOf(part, cursor) + part.length;
    const cutOnSpace = /\s/.test(text[cursor] ?? ' ');
    if (!cutOnSpace) expect(/\s/.test(part)).toBe(false);
  }
}

/** A deterministic pseudo-random generator (mulberry32) so failures reproduce. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = ['order', '#1042', 'shipping', 'refund', 'hello', 'Grüße', 'посылка', '😀', 'tracking', 'a', 'we'];

function randomText(random: () => number, length: number): string {
  let out = '';
  while (out.length < length) {
    out += words[Math.floor(random() * words.length)];
    const r = random();
    out += r < 0.05 ? '\n\n' : r < 0.12 ? '\n' : ' ';
  }
  return out;
}

describe('splitMessage', () => {
  it('returns a text that fits unchanged, whitespace included', () => {
    expect(splitMessage('  Hello there!\n')).toEqual(['  Hello there!\n']);
    const exact = 'x'.repeat(DEFAULT_MESSAGE_LIMIT);
    expect(splitMessage(exact)).toEqual([exact]);
  });

  it('returns nothing for an empty text', () => {
    expect(splitMessage('')).toEqual([]);
  });

  it('splits a 10,000-character reply into 3 messages in order', () => {
    const paragraph = 'Thank you for your patience while we check order #1042 with the courier. '.repeat(10).trim();
    let text = '';
    while (text.length < 10_000) text += paragraph + '\n\n';
    text = text.slice(0, 10_000).trim();
    const parts = splitMessage(text);
    expect(parts).toHaveLength(3);
    expectWellSplit(text, parts, DEFAULT_MESSAGE_LIMIT);
    expect(parts[0]!.startsWith('Thank you')).toBe(true);
    expect(text.endsWith(parts[2]!)).toBe(true);
  });

  it('prefers a blank line when the part would be at least half full', () => {
    const first = 'aaa '.repeat(15).trim(); // 59 chars
    const text = `${first}\n\n${'bbb '.repeat(20).trim()}`;
    expect(splitMessage(text, 100)[0]).toBe(first);
  });

  it('ignores a blank line that would leave a part less than half full', () => {
    const text = `short\n\n${'word '.repeat(40).trim()}`;
    const parts = splitMessage(text, 100);
    expect(parts[0]!.startsWith('short\n\nword')).toBe(true);
    expect(parts[0]!.length).toBeGreaterThan(90);
  });

  it('prefers a line break over a space', () => {
    const first = 'line '.repeat(14).trim(); // 69 chars
    const text = `${first}\n${'more '.repeat(20).trim()}`;
    expect(splitMessage(text, 100)[0]).toBe(first);
  });

  it('cuts at the last space that fits, never inside a word', () => {
    const text = 'alpha beta gamma delta epsilon';
    const parts = splitMessage(text, 12);
    expect(parts).toEqual(['alpha beta', 'gamma delta', 'epsilon']);
  });

  it('uses a space right after the window', () => {
    expect(splitMessage('abcde fghij', 5)).toEqual(['abcde', 'fghij']);
  });

  it('cuts a single word longer than the limit into full-size pieces', () => {
    const word = 'x'.repeat(10_000);
    const parts = splitMessage(`see ${word} end`, 4096);
    // The word's tail and "end" still fit together in the last message.
    expect(parts).toEqual(['see', 'x'.repeat(4096), 'x'.repeat(4096), `${'x'.repeat(1808)} end`]);
  });

  it('never cuts a surrogate pair', () => {
    const text = '😀'.repeat(3000); // 6000 code units, no spaces
    for (const limit of [4096, 4095, 7, 3]) {
      const parts = splitMessage(text, limit);
      expectWellSplit(text, parts, limit);
      expect(parts.join('')).toBe(text);
    }
  });

  it('keeps emoji sequences joined with ZWJ whole', () => {
    const family = '👨‍👩‍👧‍👦'; // 11 code units, one grapheme
    const text = family.repeat(50);
    const parts = splitMessage(text, 100);
    expect(parts.join('')).toBe(text);
    for (const part of parts) expect(part.length % family.length).toBe(0);
  });

  it('falls back to code points for a grapheme longer than the limit', () => {
    const zalgo = 'e' + '\u0301'.repeat(20);
    const parts = splitMessage(zalgo, 8);
    expect(parts.join('')).toBe(zalgo);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(8);
  });

  it('drops the whitespace around cuts and at the ends of a long text', () => {
    const text = `   ${'word '.repeat(30)}   \n\n  `;
    const parts = splitMessage(text, 50);
    expectWellSplit(text, parts, 50);
    expect(parts[0]!.startsWith('word')).toBe(true);
    expect(parts.at(-1)!.endsWith('word')).toBe(true);
  });

  it('returns nothing for a long text of only whitespace', () => {
    expect(splitMessage(' \n'.repeat(5000))).toEqual([]);
  });

  it('does not break at a no-break space', () => {
    const text = `${'a'.repeat(6)} 10\u00a0kg`;
    expect(splitMessage(text, 8)).toEqual(['aaaaaa', '10\u00a0kg']);
  });

  it('recognises Windows blank lines', () => {
    const first = 'w '.repeat(30).trim();
    const text = `${first}\r\n\r\n${'z '.repeat(30).trim()}`;
    expect(splitMessage(text, 80)[0]).toBe(first);
  });

  it('keeps its invariants on random texts and limits', () => {
    const random = seeded(42);
    for (let round = 0; round < 60; round++) {
      const limit = 8 + Math.floor(random() * 300);
      const text = randomText(random, 200 + Math.floor(random() * 3000));
      expectWellSplit(text, splitMessage(text, limit), limit);
    }
  });

  it('rejects a limit too small to hold a surrogate pair', () => {
    expect(() => splitMessage('abc', 1)).toThrow(RangeError);
    expect(() => splitMessage('abc', 2.5)).toThrow(RangeError);
  });
});
