// Every inbox shortcut, and where each must stay quiet: while typing, with a modifier, on a
// button (Enter presses it), on other screens, without an open ticket, behind the help list.
import { describe, expect, it } from 'vitest';
import { shortcutFor, type KeyContext } from './keyboard.map';

const at = (key: string, over: Partial<KeyContext> = {}): KeyContext => ({
  key,
  modified: false,
  typing: false,
  onControl: false,
  screen: 'inbox',
  helpOpen: false,
  ticketOpen: true,
  ...over,
});

describe('shortcutFor', () => {
  it('maps each documented key in the inbox', () => {
    expect(['j', 'k', 'Enter', 'r', 'n', 'a', 'e', '/', '?'].map((k) => shortcutFor(at(k)))).toEqual([
      'next',
      'previous',
      'open',
      'reply',
      'note',
      'assignToMe',
      'resolve',
      'search',
      'help',
    ]);
  });

  it('stays quiet while typing or with a modifier held', () => {
    for (const key of ['j', 'e', '/', '?', 'Enter']) {
      expect(shortcutFor(at(key, { typing: true }))).toBeNull();
      expect(shortcutFor(at(key, { modified: true }))).toBeNull();
    }
  });

  it('leaves Enter to a focused button or link', () => {
    expect(shortcutFor(at('Enter', { onControl: true }))).toBeNull();
    expect(shortcutFor(at('j', { onControl: true }))).toBe('next');
  });

  it('acts on the open ticket only when there is one', () => {
    for (const key of ['r', 'n', 'a', 'e']) expect(shortcutFor(at(key, { ticketOpen: false }))).toBeNull();
    expect(shortcutFor(at('j', { ticketOpen: false }))).toBe('next');
  });

  it('keeps list keys to the inbox, but / and ? work everywhere', () => {
    for (const screen of ['queue', 'settings'] as const) {
      expect(shortcutFor(at('j', { screen }))).toBeNull();
      expect(shortcutFor(at('e', { screen }))).toBeNull();
      expect(shortcutFor(at('/', { screen }))).toBe('search');
      expect(shortcutFor(at('?', { screen }))).toBe('help');
    }
  });

  it('while the help list is open, only ? and Esc act', () => {
    expect(shortcutFor(at('Escape', { helpOpen: true }))).toBe('closeHelp');
    expect(shortcutFor(at('?', { helpOpen: true }))).toBe('help');
    expect(shortcutFor(at('j', { helpOpen: true }))).toBeNull();
    expect(shortcutFor(at('Escape'))).toBeNull();
  });
});
