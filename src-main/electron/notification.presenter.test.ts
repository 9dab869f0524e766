import { EventEmitter } from 'node:events';
import type { NotificationConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { NotificationPresenter, type NotificationApi, type NotificationLike } from './notification.presenter';
import type { TicketNotification } from './notifications.rules';
import type { UiRequest } from '../core/app/ui-requests';

class FakeNotification extends EventEmitter implements NotificationLike {
  shown = false;
  constructor(readonly options: NotificationConstructorOptions) {
    super();
  }
  show() {
    this.shown = true;
  }
}

function setup(supported = true) {
  const created: FakeNotification[] = [];
  const activated: UiRequest[] = [];
  const api: NotificationApi = {
    isSupported: () => supported,
    create: (options) => {
      const n = new FakeNotification(options);
      created.push(n);
      return n;
    },
  };
  return { presenter: new NotificationPresenter(api, (t) => activated.push(t)), created, activated };
}

const assigned: TicketNotification = { kind: 'assigned', title: 'New ticket assigned to you', body: 'Refund — Dana', target: { kind: 'openTicket', ticketId: 'tg:1:2' } };

describe('NotificationPresenter', () => {
  it('shows the title and body', () => {
    const { presenter, created } = setup();
    expect(presenter.show(assigned)).toBe(true);
    expect(created[0]?.options).toEqual({ title: 'New ticket assigned to you', body: 'Refund — Dana' });
    expect(created[0]?.shown).toBe(true);
  });

  it('opens the ticket when clicked', () => {
    const { presenter, created, activated } = setup();
    presenter.show(assigned);
    created[0]?.emit('click');
    expect(activated).toEqual([{ kind: 'openTicket', ticketId: 'tg:1:2' }]);
  });

  it('keeps notifications referenced until clicked or closed, and never too many', () => {
    const { presenter, created } = setup();
    presenter.show(assigned);
    presenter.show(assigned);
    expect(presenter.keptCount).toBe(2);
    created[0]?.emit('click');
    created[1]?.emit('close');
    expect(presenter.keptCount).toBe(0);
    for (let i = 0; i < 60; i += 1) presenter.show(assigned);
    expect(presenter.keptCount).toBe(50);
    expect(presenter.last).toBe(created.at(-1));
  });

  it('does nothing where the system has no notifications', () => {
    const { presenter, created } = setup(false);
    expect(presenter.show(assigned)).toBe(false);
    expect(created).toEqual([]);
  });
});
