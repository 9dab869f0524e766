// The composer's text rules: the `/` trigger, template matching order, the placeholder check
// trigger, problem wording, and insertion at the caret.
import { describe, expect, it } from 'vitest';
import { filterTemplates, hasPlaceholders, insertAt, placeholderProblem, slashQuery } from './composer.text';

const t = (shortcut: string, title: string, language: string | null = 'en') => ({ shortcut, title, language });
const templates = [t('refund', 'Refund started'), t('hello', 'Greeting'), t('order', 'Order status'), t('hola', 'Saludo', 'es'), t('track', 'Where is my order')];

describe('slashQuery', () => {
  it('opens on / at the start until a space or new line', () => {
    expect(slashQuery('/')).toBe('');
    expect(slashQuery('/ref')).toBe('ref');
    expect(slashQuery('/ref ')).toBeNull();
    expect(slashQuery('/ref\n')).toBeNull();
    expect(slashQuery('see /ref')).toBeNull();
    expect(slashQuery('/a/b')).toBeNull();
    expect(slashQuery('')).toBeNull();
  });
});

describe('filterTemplates', () => {
  it('ranks shortcut prefixes, then title words, then anything containing the query', () => {
    expect(filterTemplates(templates, 'or').map((x) => x.shortcut)).toEqual(['order', 'track']);
    expect(filterTemplates(templates, 'h').map((x) => x.shortcut)).toEqual(['hello', 'hola', 'track']);
    expect(filterTemplates(templates, 'fund').map((x) => x.shortcut)).toEqual(['refund']);
    expect(filterTemplates(templates, 'zzz')).toEqual([]);
  });

  it("puts the customer's language first and lists everything for an empty query", () => {
    expect(filterTemplates(templates, 'h', 'es-MX').map((x) => x.shortcut)).toEqual(['hola', 'hello', 'track']);
    expect(filterTemplates(templates, '')).toHaveLength(5);
    expect(filterTemplates(templates, '', null, 2)).toHaveLength(2);
  });
});

describe('placeholders', () => {
  it('asks the core only when there is a {{…}}', () => {
    expect(hasPlaceholders('Hi {{customer.first_name}}')).toBe(true);
    expect(hasPlaceholders('Hi {{ }}')).toBe(true);
    expect(hasPlaceholders('Hi {name} {{')).toBe(false);
  });

  it('says which variables are unknown and which have no value', () => {
    expect(placeholderProblem({ ok: true, text: 'x' })).toBeNull();
    expect(placeholderProblem({ ok: false, unknown: ['customer.frist_name'], missing: [] })).toBe(
      'Unknown variable {{customer.frist_name}}: fix the name or remove it before sending.',
    );
    expect(placeholderProblem({ ok: false, unknown: ['a', ''], missing: ['order.number'] })).toBe(
      'Unknown variables {{a}}, {{ }}: fix the name or remove it before sending. No value on this ticket for {{order.number}}: type it in yourself or link an order.',
    );
  });
});

describe('insertAt', () => {
  it('replaces the selection and puts the caret after the insert', () => {
    expect(insertAt('Hello world', 6, 11, 'Maya')).toEqual({ text: 'Hello Maya', caret: 10 });
    expect(insertAt('ab', 5, 9, 'c')).toEqual({ text: 'abc', caret: 3 });
  });
});
