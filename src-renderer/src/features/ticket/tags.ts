// Tag editing rules as the UI applies them before asking the core: what an agent types into
// the tag field becomes which tags (comma- or space-free words, `#` dropped, no duplicates).
// Pure; renderer. The core trims and dedupes again and enforces the limits.

export const MAX_TAG_LENGTH = 64;

/** `#refund, VIP ` → ['refund', 'VIP']: tags typed into the field, in order, cleaned. */
export function tagsFromInput(input: string): string[] {
  return input
    .split(',')
    .map((part) => part.trim().replace(/^#+/, '').trim().replace(/\s+/g, '-'))
    .filter((tag) => tag !== '')
    .map((tag) => tag.slice(0, MAX_TAG_LENGTH));
}

/** The ticket's tags with the new ones after them; a tag already there (any case) is kept once. */
export function withTags(current: readonly string[], added: readonly string[]): string[] {
  const out = [...current];
  const seen = new Set(current.map((t) => t.toLowerCase()));
  for (const tag of added) {
    if (seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out;
}

export const withoutTag = (current: readonly string[], tag: string): string[] => current.filter((t) => t !== tag);
