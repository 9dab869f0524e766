// Which inbox shortcut a key press means, given where the focus is and what is on screen.
// Pure, so every key's rule is tested; useKeyboardShortcuts carries the actions out.
import type { Screen } from '../../store/ui.slice';

export type ShortcutAction =
  | 'next'
  | 'previous'
  | 'open'
  | 'reply'
  | 'note'
  | 'assignToMe'
  | 'resolve'
  | 'search'
  | 'help'
  | 'closeHelp';

export const shortcuts: { keys: string; does: string }[] = [
  { keys: 'j / k', does: 'Next / previous ticket in the list' },
  { keys: 'Enter', does: 'Open the ticket under the cursor' },
  { keys: 'r', does: 'Reply to the customer' },
  { keys: 'n', does: 'Write an internal note' },
  { keys: 'a', does: 'Assign the open ticket to me' },
  { keys: 'e', does: 'Resolve the open ticket' },
  { keys: '/', does: 'Search (from any screen)' },
  { keys: '?', does: 'Show these shortcuts' },
  { keys: 'Esc', does: 'Leave a field / close this list' },
  { keys: 'Enter / Shift+Enter', does: 'In the composer: send / new line' },
  { keys: '/shortcut', does: 'In the composer: pick a canned response' },
];

export interface KeyContext {
  key: string;
  /** Ctrl, Cmd or Alt held: the browser's and the OS's own shortcuts. */
  modified: boolean;
  /** The focus is in a text field, a select or editable content. */
  typing: boolean;
  /** The focus is on a button or link, where Enter and Space already mean "press". */
  onControl: boolean;
  screen: Screen;
  helpOpen: boolean;
  /** A ticket is open in the pane. */
  ticketOpen: boolean;
}

const inboxKeys: Record<string, ShortcutAction> = {
  j: 'next',
  k: 'previous',
  r: 'reply',
  n: 'note',
  a: 'assignToMe',
  e: 'resolve',
};

export function shortcutFor(c: KeyContext): ShortcutAction | null {
  if (c.modified || c.typing) return null;
  if (c.key === 'Escape') return c.helpOpen ? 'closeHelp' : null;
  if (c.key === '?') return 'help';
  // While the list of shortcuts is open, only Esc and ? act on it.
  if (c.helpOpen) return null;
  if (c.key === '/') return 'search';
  if (c.screen !== 'inbox') return null;
  if (c.key === 'Enter') return c.onControl ? null : 'open';
  const action = inboxKeys[c.key];
  if (!action) return null;
  if ((action === 'reply' || action === 'note' || action === 'assignToMe' || action === 'resolve') && !c.ticketOpen) return null;
  return action;
}

export function keyContextOf(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>,
  state: Pick<KeyContext, 'screen' | 'helpOpen' | 'ticketOpen'>,
): KeyContext {
  const target = event.target;
  const element = typeof HTMLElement !== 'undefined' && target instanceof HTMLElement ? target : null;
  const tag = element?.tagName ?? '';
  return {
    key: event.key,
    modified: event.ctrlKey || event.metaKey || event.altKey,
    typing: element !== null && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(tag)),
    onControl: ['BUTTON', 'A', 'SUMMARY'].includes(tag),
    ...state,
  };
}
