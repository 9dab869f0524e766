// The list cursor: j/k step through the shown rows and stop at the ends; Enter opens the row
// under the cursor, or the first one when nothing is pointed at yet.
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { AppState } from './app.store';
import { createInboxSlice, stepThrough } from './inbox.slice';
import { createQueueSlice } from './queue.slice';
import { createSettingsSlice } from './settings.slice';
import { createUiSlice } from './ui.slice';

const store = () =>
  createStore<AppState>()((...a) => ({ ...createInboxSlice(...a), ...createUiSlice(...a), ...createQueueSlice(...a), ...createSettingsSlice(...a) }));

describe('stepThrough', () => {
  it('moves within the list and clamps at both ends', () => {
    const ids = ['a', 'b', 'c'];
    expect(stepThrough(ids, 'a', 1)).toBe('b');
    expect(stepThrough(ids, 'c', 1)).toBe('c');
    expect(stepThrough(ids, 'a', -1)).toBe('a');
    expect(stepThrough(ids, null, 1)).toBe('a');
    expect(stepThrough(ids, null, -1)).toBe('c');
    expect(stepThrough(ids, 'gone', 1)).toBe('a');
    expect(stepThrough([], 'a', 1)).toBeNull();
  });
});

describe('cursor and open ticket', () => {
  it('j/k move the cursor without opening; Enter opens it', () => {
    const s = store();
    s.getState().setVisibleIds(['a', 'b', 'c']);
    s.getState().moveCursor(1);
    s.getState().moveCursor(1);
    expect(s.getState().cursorTicketId).toBe('b');
    expect(s.getState().selectedTicketId).toBeNull();
    s.getState().openCursor();
    expect(s.getState().selectedTicketId).toBe('b');
  });

  it('starts from the open ticket, and opening by click moves the cursor there', () => {
    const s = store();
    s.getState().setVisibleIds(['a', 'b', 'c']);
    s.getState().selectTicket('b');
    s.getState().moveCursor(1);
    expect(s.getState().cursorTicketId).toBe('c');
    s.getState().selectTicket('a');
    expect(s.getState().cursorTicketId).toBe('a');
  });

  it('Enter with no cursor opens the first row; the menu step opens as it moves', () => {
    const s = store();
    s.getState().setVisibleIds(['a', 'b']);
    s.getState().openCursor();
    expect(s.getState().selectedTicketId).toBe('a');
    s.getState().moveSelection(1);
    expect(s.getState().selectedTicketId).toBe('b');
  });

  it('remembers tags once each, sorted', () => {
    const s = store();
    s.getState().rememberTags(['vip', 'refund']);
    s.getState().rememberTags(['refund', 'b2b']);
    expect(s.getState().knownTags).toEqual(['b2b', 'refund', 'vip']);
  });
});

describe('composer focus requests', () => {
  it('are for the open ticket, acted on once, even by a composer that mounts later', () => {
    const s = store();
    s.getState().selectTicket('a');
    s.getState().focusComposer('note');
    expect(s.getState().composerMode).toBe('note');
    expect(s.getState().takeComposerFocus('b')).toBe(false);
    expect(s.getState().takeComposerFocus('a')).toBe(true);
    expect(s.getState().takeComposerFocus('a')).toBe(false);
  });
});
