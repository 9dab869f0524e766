import { describe, expect, it, vi } from 'vitest';
import type { Ticket } from '../../src-preload/contract';
import { newTicket } from '../core/tickets/ticket.factory';
import { trayCounts, trayImageSpecs, trayMenuTemplate, trayTooltip } from './tray.menu';

const ME = 'agent:1';
const t = (id: string, fields: Partial<Ticket>) => newTicket({ id, subject: id, createdAt: 0, ...fields });

describe('trayCounts', () => {
  it('counts my open tickets and those with unread messages', () => {
    const tickets = [
      t('a', { assigneeId: ME, unreadCount: 2 }),
      t('b', { assigneeId: ME, status: 'waiting_on_customer' }),
      t('c', { assigneeId: ME, status: 'resolved', unreadCount: 1 }),
      t('d', { assigneeId: 'agent:2', unreadCount: 5 }),
      t('e', { assigneeId: null, unreadCount: 1 }),
    ];
    expect(trayCounts(tickets, ME)).toEqual({ signedIn: true, assigned: 2, unread: 1 });
    expect(trayCounts(tickets, null)).toEqual({ signedIn: false, assigned: 0, unread: 0 });
  });
});

describe('tray menu', () => {
  const actions = () => ({ open: vi.fn(), openMine: vi.fn(), quit: vi.fn() });

  it('offers Open, my queue with its counts, and Quit', () => {
    const template = trayMenuTemplate({ signedIn: true, assigned: 4, unread: 2 }, actions());
    expect(template.map((i) => i.label ?? i.type)).toEqual(['Open Topicdesk', 'separator', 'Assigned to me: 4 (2 unread)', 'separator', 'Quit Topicdesk']);
    expect(trayMenuTemplate({ signedIn: true, assigned: 1, unread: 0 }, actions())[2]?.label).toBe('Assigned to me: 1');
  });

  it('runs the matching action for each item', () => {
    const a = actions();
    const template = trayMenuTemplate({ signedIn: true, assigned: 1, unread: 0 }, a);
    const click = (id: string) => (template.find((i) => i.id === id)?.click as () => void)();
    click('open');
    click('mine');
    click('quit');
    expect([a.open.mock.calls.length, a.openMine.mock.calls.length, a.quit.mock.calls.length]).toEqual([1, 1, 1]);
  });

  it('says when nobody is signed in, without a dead link', () => {
    const mine = trayMenuTemplate({ signedIn: false, assigned: 0, unread: 0 }, actions()).find((i) => i.id === 'mine');
    expect(mine).toMatchObject({ label: 'Not signed in to Telegram', enabled: false });
    expect(mine?.click).toBeUndefined();
  });

  it('sums it up in the tooltip', () => {
    expect(trayTooltip({ signedIn: true, assigned: 3, unread: 1 })).toBe('Topicdesk — 3 assigned to you, 1 unread');
    expect(trayTooltip({ signedIn: true, assigned: 3, unread: 0 })).toBe('Topicdesk — 3 assigned to you');
    expect(trayTooltip({ signedIn: false, assigned: 0, unread: 0 })).toBe('Topicdesk');
  });
});

describe('trayImageSpecs', () => {
  it('uses a template glyph on macOS and the colour icon elsewhere, at 1x and 2x', () => {
    expect(trayImageSpecs('darwin')).toEqual({
      template: true,
      images: [
        { variant: 'trayTemplate', size: 16, scaleFactor: 1 },
        { variant: 'trayTemplate', size: 32, scaleFactor: 2 },
      ],
    });
    expect(trayImageSpecs('win32').images.map((i) => [i.variant, i.size])).toEqual([['app', 16], ['app', 32]]);
    expect(trayImageSpecs('linux').template).toBe(false);
  });
});
