import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../src-preload/contract';
import { newTicket } from '../core/tickets/ticket.factory';
import type { TicketNotification } from './notifications.rules';
import { startTicketNotifier } from './ticket.notifier';

const ME = 'agent:1';

function setup() {
  const changes = new Subject<void>();
  const state = { tickets: new Map<string, Ticket>(), me: ME as string | null, focused: false };
  const shown: TicketNotification[] = [];
  const notifier = startTicketNotifier({
    changes,
    tickets: () => state.tickets.values(),
    meId: () => state.me,
    now: () => 0,
    shouldNotify: () => !state.focused,
    show: (n) => shown.push(n),
  });
  const put = (id: string, fields: Partial<Ticket> = {}) => {
    state.tickets.set(id, newTicket({ id, subject: id, createdAt: 0, ...fields }));
    changes.next();
  };
  return { changes, state, shown, notifier, put };
}

describe('startTicketNotifier', () => {
  it('takes the first look as the baseline, then notifies what changes', () => {
    const { shown, put } = setup();
    put('a', { assigneeId: ME }); // first emission: baseline, nothing shown
    expect(shown).toEqual([]);
    put('b', { assigneeId: ME });
    expect(shown.map((n) => n.target)).toEqual([{ kind: 'openTicket', ticketId: 'b' }]);
  });

  it('stays quiet while the window has focus, without replaying later', () => {
    const { shown, put, state } = setup();
    put('a');
    state.focused = true;
    put('a', { assigneeId: ME });
    state.focused = false;
    put('z');
    expect(shown).toEqual([]);
  });

  it('starts over when another agent signs in', () => {
    const { shown, put, state, changes } = setup();
    put('a', { assigneeId: 'agent:2' });
    state.me = 'agent:2';
    changes.next();
    expect(shown).toEqual([]);
  });

  it('stops on dispose', () => {
    const { shown, put, notifier } = setup();
    put('a');
    notifier.dispose();
    put('b', { assigneeId: ME });
    expect(shown).toEqual([]);
  });
});
