// Turns Telegram's text + entities into nested segments the thread renders as elements.
// Never HTML: the text is only ever a React text node. Pure.
import type { MessageEntity } from '../../../../src-preload/contract';

export type Segment = { text: string; marks: MessageEntity[] };

/**
 * Splits `text` at every entity boundary; each piece carries the entities covering it.
 * Offsets are UTF-16 code units, as Telegram's are and as JavaScript strings index.
 */
export function segmentText(text: string, entities: readonly MessageEntity[]): Segment[] {
  const valid = entities.filter((e) => e.length > 0 && e.offset >= 0 && e.offset < text.length);
  const cuts = new Set<number>([0, text.length]);
  for (const e of valid) {
    cuts.add(e.offset);
    cuts.add(Math.min(text.length, e.offset + e.length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    const marks = valid.filter((e) => e.offset <= start && e.offset + e.length >= end);
    segments.push({ text: text.slice(start, end), marks });
  }
  return segments;
}

/** Only web and mail links may be opened; anything else (javascript:, file:) is shown as text. */
export function safeLink(url: string): string | null {
  try {
    const parsed = new URL(url);
    return ['http:', 'https:', 'mailto:', 'tg:'].includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

export function linkFor(segment: Segment): string | null {
  for (const mark of segment.marks) {
    if (mark.type === 'textUrl' && mark.url) return safeLink(mark.url);
    if (mark.type === 'url') return safeLink(/^[a-z]+:/i.test(segment.text) ? segment.text : `https://${segment.text}`);
    if (mark.type === 'email') return safeLink(`mailto:${segment.text}`);
  }
  return null;
}
