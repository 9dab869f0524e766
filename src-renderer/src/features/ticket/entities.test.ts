import { describe, expect, it } from 'vitest';
import { linkFor, safeLink, segmentText } from './entities';

describe('segmentText', () => {
  it('splits at entity boundaries and keeps overlapping marks', () => {
    const segments = segmentText('Hello bold world', [
      { type: 'bold', offset: 6, length: 10 },
      { type: 'italic', offset: 11, length: 5 },
    ]);
    expect(segments.map((s) => [s.text, s.marks.map((m) => m.type)])).toEqual([
      ['Hello ', []],
      ['bold ', ['bold']],
      ['world', ['bold', 'italic']],
    ]);
  });

  it('counts offsets in UTF-16 units, so emoji before an entity do not shift it', () => {
    const segments = segmentText('😀 hi', [{ type: 'bold', offset: 3, length: 2 }]);
    expect(segments.at(-1)).toMatchObject({ text: 'hi', marks: [{ type: 'bold' }] });
  });

  it('ignores entities outside the text and keeps markup-looking text as text', () => {
    const segments = segmentText('<b>x</b>', [{ type: 'bold', offset: 50, length: 3 }]);
    expect(segments).toEqual([{ text: '<b>x</b>', marks: [] }]);
  });
});

describe('links', () => {
  it('allows web, mail and tg links only', () => {
    expect(safeLink('https://example.com/a')).toBe('https://example.com/a');
    expect(safeLink('javascript:alert(1)')).toBeNull();
    expect(safeLink('file:///etc/passwd')).toBeNull();
    expect(linkFor({ text: 'example.com', marks: [{ type: 'url', offset: 0, length: 11 }] })).toBe('https://example.com/');
    expect(linkFor({ text: 'here', marks: [{ type: 'textUrl', offset: 0, length: 4, url: 'javascript:void 0' }] })).toBeNull();
  });
});
