// What typing in the tag field adds: cleaned words, `#` dropped, no duplicates in any case.
import { describe, expect, it } from 'vitest';
import { tagsFromInput, withoutTag, withTags } from './tags';

describe('tag editing', () => {
  it('reads comma-separated tags, dropping # and blank parts and joining inner spaces', () => {
    expect(tagsFromInput(' #refund, VIP ,, late delivery ')).toEqual(['refund', 'VIP', 'late-delivery']);
    expect(tagsFromInput('  ')).toEqual([]);
    expect(tagsFromInput('x'.repeat(80))[0]).toHaveLength(64);
  });

  it('adds only tags not there yet (case-insensitive) and removes one exactly', () => {
    expect(withTags(['refund'], ['Refund', 'vip', 'vip'])).toEqual(['refund', 'vip']);
    expect(withoutTag(['refund', 'vip'], 'refund')).toEqual(['vip']);
  });
});
