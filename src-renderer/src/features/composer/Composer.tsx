// Writing a reply (to the customer, through Telegram) or an internal note (team only). Enter
// sends, Shift+Enter starts a new line; `/shortcut` or the Templates button inserts a canned
// response rendered by the core; `{{…}}` placeholders are checked by the core and block Send
// while they cannot be filled; the draft is kept per ticket across restarts.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Draft, TemplateRender, Ticket } from '../../../../src-preload/contract';
import type { Template } from '../../../../src-preload/contract/config.contract';
import { useBridge, useLiveQuery } from '../../api/bridge-context';
import { useAppStore } from '../../store/app.store';
import { filterTemplates, hasPlaceholders, insertAt, placeholderProblem, slashQuery } from './composer.text';
import { TemplateList } from './TemplateList';
import { TemplateMenu } from './TemplateMenu';
import { useDraft } from './useDraft';
import { usePlaceholderCheck } from './usePlaceholderCheck';

const NO_TEMPLATES: Template[] = [];

/** Mounted per ticket (the pane is keyed by ticket), so each ticket starts from its own draft. */
export function Composer({ ticket }: { ticket: Pick<Ticket, 'id' | 'customer'> }) {
  const bridge = useBridge();
  const ticketId = ticket.id;
  const mode = useAppStore((s) => s.composerMode);
  const setMode = useAppStore((s) => s.setComposerMode);
  const focusRequest = useAppStore((s) => s.composerFocus);
  const templates = useLiveQuery('config.templates', {}).value ?? NO_TEMPLATES;
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  /** A problem the core reported for exactly this text (on picking a template or sending). */
  const [reported, setReported] = useState<{ text: string; result: TemplateRender } | null>(null);
  const [busy, setBusy] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  /** The text the / list was closed for with Esc; typing on opens it again. */
  const [slashDismissedAt, setSlashDismissedAt] = useState<string | null>(null);
  const [highlighted, setHighlighted] = useState(0);
  const input = useRef<HTMLTextAreaElement>(null);

  // A new ticket starts as a reply (its draft, below, may say it was a note), unless r or n
  // asked for this ticket's composer before it was on screen.
  useEffect(() => {
    const s = useAppStore.getState();
    if (s.composerFocus.ticketId !== ticketId || s.composerFocus.seq <= s.composerFocusHandled) setMode('agent');
  }, [ticketId, setMode]);

  const typed = useRef('');
  useEffect(() => {
    typed.current = text;
  }, [text]);
  const draft = useDraft(ticketId, (saved: Draft) => {
    // Whatever was typed before the stored draft arrived wins over it.
    if (typed.current !== '') return;
    setText(saved.text);
    setMode(saved.kind);
  });

  // Only a request for this ticket that no composer has acted on yet (never an older one).
  useEffect(() => {
    if (useAppStore.getState().takeComposerFocus(ticketId)) input.current?.focus();
  }, [focusRequest, ticketId]);

  const check = usePlaceholderCheck(ticketId, text);
  const problemResult = reported?.text === text ? reported.result : check.result;
  const problem = problemResult ? placeholderProblem(problemResult) : null;

  const query = slashQuery(text);
  const slashOpen = query !== null && slashDismissedAt !== text && !menuOpen;
  const matches = useMemo(
    () => (query === null ? [] : filterTemplates(templates, query, ticket.customer.language)),
    [templates, query, ticket.customer.language],
  );

  function change(next: string): void {
    setText(next);
    setError(null);
    setHighlighted(0);
    draft.schedule(mode, next);
  }

  function switchMode(next: 'agent' | 'note'): void {
    setMode(next);
    if (text) draft.schedule(next, text);
  }

  async function pick(template: Template, via: 'slash' | 'menu'): Promise<void> {
    setMenuOpen(false);
    const result = await bridge.invoke('composer.renderTemplate', { ticketId, templateId: template.id });
    if (!result.ok) return setError(result.error.message);
    const body = result.value.ok ? result.value.text : template.body;
    const field = input.current;
    const placed = via === 'slash' ? { text: body, caret: body.length } : insertAt(text, field?.selectionStart ?? text.length, field?.selectionEnd ?? text.length, body);
    change(placed.text);
    setReported(result.value.ok ? null : { text: placed.text, result: result.value });
    requestAnimationFrame(() => {
      field?.focus();
      field?.setSelectionRange(placed.caret, placed.caret);
    });
  }

  async function send(): Promise<void> {
    const body = text;
    if (!body.trim() || busy || problem) return;
    setBusy(true);
    let outgoing = body;
    if (hasPlaceholders(body)) {
      // Checked again at the moment of sending: the answer shown may be for an older text.
      const answer = await bridge.invoke('composer.check', { ticketId, text: body });
      if (!answer.ok || !answer.value.ok) {
        setBusy(false);
        if (!answer.ok) setError(answer.error.message);
        else setReported({ text: body, result: answer.value });
        return;
      }
      outgoing = answer.value.text;
    }
    const result = await bridge.invoke('messages.send', { ticketId, kind: mode, text: outgoing });
    setBusy(false);
    if (!result.ok) return setError(result.error.issues?.[0] ?? result.error.message);
    setText((current) => (current === body ? '' : current));
    setError(null);
    setReported(null);
    draft.clear();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): void {
    if (event.nativeEvent.isComposing) return;
    if (slashOpen && matches.length > 0) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setHighlighted((h) => Math.max(0, Math.min(matches.length - 1, h + step)));
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        const template = matches[highlighted] ?? matches[0];
        if (template) void pick(template, 'slash');
        return;
      }
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      if (slashOpen) setSlashDismissedAt(text);
      else input.current?.blur();
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void send();
    }
  }

  const checking = check.pending && reported?.text !== text;
  const blocked = busy || !text.trim() || problem !== null || checking;
  return (
    <form
      className={`composer composer-${mode}`}
      data-testid="composer"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <div className="composer-tabs" role="tablist">
        <button type="button" role="tab" data-testid="mode-reply" aria-selected={mode === 'agent'} onClick={() => switchMode('agent')}>
          Reply
        </button>
        <button type="button" role="tab" data-testid="mode-note" aria-selected={mode === 'note'} onClick={() => switchMode('note')}>
          Internal note
        </button>
        <button
          type="button"
          className="template-button"
          data-testid="template-button"
          aria-expanded={menuOpen}
          onClick={() => setMenuOpen((open) => !open)}
        >
          Templates
        </button>
      </div>
      {menuOpen && (
        <TemplateMenu
          templates={templates}
          customerLanguage={ticket.customer.language}
          onPick={(template) => void pick(template, 'menu')}
          onClose={() => {
            setMenuOpen(false);
            input.current?.focus();
          }}
        />
      )}
      {slashOpen && (
        <div className="template-popup" data-testid="slash-templates">
          <TemplateList
            templates={matches}
            highlighted={highlighted}
            onHighlight={setHighlighted}
            onPick={(template) => void pick(template, 'slash')}
            emptyText={templates.length === 0 ? 'No canned responses yet: add them in Settings → Templates.' : `No template matches /${query ?? ''}.`}
          />
        </div>
      )}
      <textarea
        ref={input}
        data-testid="composer-input"
        aria-label={mode === 'agent' ? 'Reply to the customer' : 'Internal note for the team'}
        aria-invalid={problem !== null}
        placeholder={
          mode === 'agent'
            ? 'Reply to the customer… (Enter to send, Shift+Enter for a new line, / for templates)'
            : 'Note for the team, never sent to the customer…'
        }
        value={text}
        rows={3}
        onChange={(event) => change(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="composer-actions">
        {problem && (
          <span className="error composer-problem" role="alert" data-testid="composer-problem">
            {problem}
          </span>
        )}
        {checking && !problem && (
          <span className="muted composer-checking" data-testid="composer-checking">
            Checking variables…
          </span>
        )}
        {error && (
          <span className="error" role="alert" data-testid="composer-error">
            {error}
          </span>
        )}
        <button type="submit" className="primary" data-testid="send-button" disabled={blocked} title={problem ?? undefined}>
          {mode === 'agent' ? 'Send reply' : 'Add note'}
        </button>
      </div>
    </form>
  );
}
