// The composer's text rules: when `/` opens the template list, which templates match what was
// typed, whether text has `{{…}}` placeholders the core must check, how a problem reads, and
// inserting at the caret. Pure; renderer (the core does the rendering itself).
import type { TemplateRender } from '../../../../src-preload/contract';
import type { Template } from '../../../../src-preload/contract/config.contract';

/** `/ref` at the very start, before any space or new line, is a template search for `ref`. */
export function slashQuery(text: string): string | null {
  const match = /^\/([^\s/]*)$/u.exec(text);
  return match ? (match[1] ?? '') : null;
}

/** Whether the core has to fill or check the text before it can be sent. */
export const hasPlaceholders = (text: string): boolean => /\{\{[^{}]*\}\}/.test(text);

const languageMatches = (template: Pick<Template, 'language'>, language: string | null): boolean =>
  !!language && !!template.language && template.language.toLowerCase().split('-')[0] === language.toLowerCase().split('-')[0];

/**
 * Templates whose shortcut or title matches `query`: shortcut prefixes first, then title
 * prefixes, then anything containing it; the customer's language first within each.
 */
export function filterTemplates<T extends Pick<Template, 'shortcut' | 'title' | 'language'>>(
  templates: readonly T[],
  query: string,
  customerLanguage: string | null = null,
  limit = 12,
): T[] {
  const q = query.trim().toLowerCase();
  const rank = (t: T): number => {
    const shortcut = t.shortcut.toLowerCase();
    const title = t.title.toLowerCase();
    if (q === '' || shortcut.startsWith(q)) return 0;
    if (title.startsWith(q) || title.split(/\s+/).some((word) => word.startsWith(q))) return 1;
    if (shortcut.includes(q) || title.includes(q)) return 2;
    return -1;
  };
  return templates
    .map((t) => ({ t, rank: rank(t), own: languageMatches(t, customerLanguage) ? 0 : 1 }))
    .filter((x) => x.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.own - b.own || a.t.shortcut.localeCompare(b.t.shortcut))
    .slice(0, limit)
    .map((x) => x.t);
}

const braces = (name: string) => `{{${name === '' ? ' ' : name}}}`;

/** What the agent reads when placeholders cannot be filled; null when they can. */
export function placeholderProblem(result: TemplateRender): string | null {
  if (result.ok) return null;
  const parts: string[] = [];
  if (result.unknown.length > 0) {
    const list = result.unknown.map(braces).join(', ');
    parts.push(`Unknown variable${result.unknown.length > 1 ? 's' : ''} ${list}: fix the name or remove it before sending.`);
  }
  if (result.missing.length > 0) {
    const list = result.missing.map(braces).join(', ');
    parts.push(`No value on this ticket for ${list}: type it in yourself${result.missing.some((m) => m.startsWith('order.')) ? ' or link an order' : ''}.`);
  }
  return parts.join(' ');
}

/** `text` with `insert` in place of the selection; the caret goes after it. */
export function insertAt(text: string, start: number, end: number, insert: string): { text: string; caret: number } {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return { text: text.slice(0, from) + insert + text.slice(to), caret: from + insert.length };
}
