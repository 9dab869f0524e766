// The composer service on a memory database: templates rendered from the ticket, agent and
// order (looked up only when used), unknown and missing variables reported, typed text checked,
// drafts kept per ticket (and across a reopen of the same storage), preferences per agent.
import { BehaviorSubject, filter, firstValueFrom, map } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { CommandError, type Ticket } from '../../../src-preload/contract';
import type { Template } from '../../../src-preload/contract/config.contract';
import type { OrderView } from '../../../src-preload/contract/shopline.contract';
import type { Me } from '../app/me';
import { openDatabase, type TopicdeskDatabase } from '../db/database';
import { LocalState } from '../db/local-state';
import { newTicket } from '../tickets/ticket.factory';
import { createComposer } from './composer.setup';

const NOW = Date.UTC(2026, 2, 10, 12, 0);

const ticket: Ticket = newTicket({
  id: 'tg:100:7',
  subject: 'Where is my jacket?',
  createdAt: NOW - 60_000,
  customer: { tgUserId: '55', name: 'Maya Chen', username: 'maya', phone: null, email: null, shoplineCustomerId: null, tier: 'vip', language: 'en' },
});
const oneWordName: Ticket = newTicket({ id: 'tg:100:8', subject: 'Hi', createdAt: NOW, customer: { ...ticket.customer, name: 'Cher', username: null } });

const template = (id: string, body: string): Template => ({ id, title: id, shortcut: id, body, category: null, language: 'en', updatedAt: NOW });
const templates = new Map<string, Template>([
  ['greeting', template('greeting', 'Hi {{customer.first_name}}, I am {{agent.first_name}}.')],
  ['order', template('order', 'Order {{ order.number }} ({{order.total}}) is {{order.status}}: {{order.tracking_url}} — {{order.items}}')],
  ['typo', template('typo', 'Hi {{customer.frist_name}}, order {{order.number}}')],
  ['last', template('last', 'Dear {{customer.first_name}} {{customer.last_name}}')],
]);

const order: OrderView = {
  id: 'o1',
  number: '#1042',
  createdAt: Date.UTC(2026, 2, 1),
  currency: 'EUR',
  total: '129.90',
  refundedTotal: null,
  financialStatus: 'paid',
  fulfillmentStatus: 'shipped',
  status: 'open',
  cancelledAt: null,
  customerStatus: 'shipped',
  items: [{ title: 'Trailhead Rain Jacket', variant: 'Olive / M', sku: 'TRL', quantity: 1, price: '129.90' }],
  customer: null,
  tracking: { company: 'UPS', numbers: ['1Z999'], urls: ['https://www.ups.com/track?tracknum=1Z999'] },
  shipments: [],
  refunds: [],
  statusUrl: null,
  note: null,
  tags: [],
  detail: 'full',
};

const dbs: TopicdeskDatabase[] = [];
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((db) => db.close()));
});

interface Options {
  orders?: Record<string, OrderView | null>;
  me?: Me | null;
  db?: TopicdeskDatabase;
}

async function setup(options: Options = {}) {
  const db = options.db ?? (await openDatabase({ workspace: 'composer', storage: { kind: 'memory' } }));
  if (!options.db) dbs.push(db);
  let now = NOW;
  const me$ = new BehaviorSubject<Me | null>(options.me === undefined ? { agentId: 'agent:1', name: 'Dana Demo' } : options.me);
  const orderLookups: string[] = [];
  const composer = createComposer({
    db,
    local: new LocalState(db, () => now),
    clock: () => now,
    me: () => me$.value,
    meId$: me$.pipe(map((me) => me?.agentId ?? null)),
    ticket: (id) => [ticket, oneWordName].find((t) => t.id === id),
    template: (id) => templates.get(id),
    currentOrder: async (ticketId) => {
      orderLookups.push(ticketId);
      return options.orders?.[ticketId] ?? null;
    },
    agentName: (id) => (id === 'agent:1' ? 'Dana Demo' : undefined),
    timeZone: 'UTC',
  });
  return { db, composer, me$, orderLookups, tick: (ms: number) => (now += ms) };
}

describe('composer.renderTemplate', () => {
  it('fills customer and agent variables without looking up any order', async () => {
    const { composer, orderLookups } = await setup();
    const result = await composer.commands['composer.renderTemplate']({ ticketId: ticket.id, templateId: 'greeting' });
    expect(result).toEqual({ ok: true, text: 'Hi Maya, I am Dana.' });
    expect(orderLookups).toEqual([]);
  });

  it('fills order variables (items included) from the current order', async () => {
    const { composer, orderLookups } = await setup({ orders: { [ticket.id]: order } });
    const result = await composer.commands['composer.renderTemplate']({ ticketId: ticket.id, templateId: 'order' });
    expect(result).toEqual({
      ok: true,
      text: 'Order #1042 (129.90 EUR) is shipped: https://www.ups.com/track?tracknum=1Z999 — 1 × Trailhead Rain Jacket (Olive / M)',
    });
    expect(orderLookups).toEqual([ticket.id]);
  });

  it('reports order variables as missing when the ticket has no order', async () => {
    const { composer } = await setup();
    const result = await composer.commands['composer.renderTemplate']({ ticketId: ticket.id, templateId: 'order' });
    expect(result).toEqual({
      ok: false,
      unknown: [],
      missing: ['order.number', 'order.total', 'order.status', 'order.tracking_url', 'order.items'],
    });
  });

  it('reports a typo as unknown and an absent value as missing, together', async () => {
    const { composer } = await setup();
    const result = await composer.commands['composer.renderTemplate']({ ticketId: ticket.id, templateId: 'typo' });
    expect(result).toEqual({ ok: false, unknown: ['customer.frist_name'], missing: ['order.number'] });
  });

  it('reports a one-word name as having no last name', async () => {
    const { composer } = await setup();
    const result = await composer.commands['composer.renderTemplate']({ ticketId: oneWordName.id, templateId: 'last' });
    expect(result).toEqual({ ok: false, unknown: [], missing: ['customer.last_name'] });
  });

  it('refuses an unknown template or ticket as not found', async () => {
    const { composer } = await setup();
    await expect(composer.commands['composer.renderTemplate']({ ticketId: ticket.id, templateId: 'nope' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(composer.commands['composer.renderTemplate']({ ticketId: 'tg:0:0', templateId: 'greeting' })).rejects.toBeInstanceOf(CommandError);
  });

  it('leaves agent variables missing while nobody is signed in', async () => {
    const { composer } = await setup({ me: null });
    const result = await composer.commands['composer.renderTemplate']({ ticketId: ticket.id, templateId: 'greeting' });
    expect(result).toEqual({ ok: false, unknown: [], missing: ['agent.first_name'] });
  });
});

describe('composer.check', () => {
  it('returns text without placeholders unchanged, with no lookups', async () => {
    const { composer, orderLookups } = await setup({ orders: { [ticket.id]: order } });
    const text = 'Thanks! {not a placeholder} }}{{';
    expect(await composer.commands['composer.check']({ ticketId: ticket.id, text })).toEqual({ ok: true, text });
    expect(orderLookups).toEqual([]);
  });

  it('fills typed placeholders and names the ones it cannot fill', async () => {
    const { composer } = await setup({ orders: { [ticket.id]: order } });
    expect(await composer.commands['composer.check']({ ticketId: ticket.id, text: 'Hi {{customer.first_name}}, {{order.number}} left today.' })).toEqual({
      ok: true,
      text: 'Hi Maya, #1042 left today.',
    });
    expect(await composer.commands['composer.check']({ ticketId: ticket.id, text: 'Hi {{customer.nickname}} and {{ }}' })).toEqual({
      ok: false,
      unknown: ['customer.nickname', ''],
      missing: [],
    });
  });
});

describe('drafts', () => {
  it('keeps one draft per ticket, live, and deletes it when cleared', async () => {
    const { composer, tick } = await setup();
    const live: (string | null)[] = [];
    const subscription = composer.liveQueries['composer.draft']({ ticketId: ticket.id }).subscribe((d) => live.push(d ? `${d.kind}:${d.text}` : null));
    await expect.poll(() => live.length).toBe(1);

    await composer.commands['composer.saveDraft']({ ticketId: ticket.id, kind: 'agent', text: 'Hello' });
    tick(1000);
    const saved = await composer.commands['composer.saveDraft']({ ticketId: ticket.id, kind: 'note', text: 'Check the refund first' });
    expect(saved).toEqual({ kind: 'note', text: 'Check the refund first', updatedAt: NOW + 1000 });
    expect(await composer.drafts.get(oneWordName.id)).toBeNull();

    expect(await composer.commands['composer.saveDraft']({ ticketId: ticket.id, kind: 'agent', text: '  \n' })).toBeNull();
    await composer.drafts.idle();
    subscription.unsubscribe();
    expect(live[0]).toBeNull();
    expect(live).toContain('agent:Hello');
    expect(live).toContain('note:Check the refund first');
    expect(live.at(-1)).toBeNull();
  });

  it('applies saves in the order they were asked, so a late save cannot undo a clear', async () => {
    const { composer } = await setup();
    const writes = [
      composer.commands['composer.saveDraft']({ ticketId: ticket.id, kind: 'agent', text: 'a' }),
      composer.commands['composer.saveDraft']({ ticketId: ticket.id, kind: 'agent', text: 'ab' }),
      composer.commands['composer.saveDraft']({ ticketId: ticket.id, kind: 'agent', text: '' }),
    ];
    await Promise.all(writes);
    expect(await composer.drafts.get(ticket.id)).toBeNull();
  });

  it('survives reopening the same storage (a restart)', async () => {
    const first = await setup();
    await first.composer.commands['composer.saveDraft']({ ticketId: ticket.id, kind: 'agent', text: 'Half-written reply' });
    // A second service over the same database stands for the app after a restart.
    const second = await setup({ db: first.db });
    const draft = await firstValueFrom(second.composer.liveQueries['composer.draft']({ ticketId: ticket.id }));
    expect(draft).toEqual({ kind: 'agent', text: 'Half-written reply', updatedAt: NOW });
  });

  it('refuses a draft for a ticket that does not exist', async () => {
    const { composer } = await setup();
    await expect(composer.commands['composer.saveDraft']({ ticketId: 'tg:0:0', kind: 'agent', text: 'x' })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('prefs', () => {
  it('are per signed-in agent, default off, and need someone signed in to change', async () => {
    const { composer, me$ } = await setup();
    const seen: boolean[] = [];
    const subscription = composer.liveQueries.prefs({}).subscribe((p) => seen.push(p.notifications));
    expect(await composer.commands['prefs.set']({ notifications: true })).toEqual({ notifications: true });
    await firstValueFrom(composer.liveQueries.prefs({}).pipe(filter((p) => p.notifications)));

    me$.next({ agentId: 'agent:2', name: 'Priya Shah' });
    expect(await firstValueFrom(composer.liveQueries.prefs({}))).toEqual({ notifications: false });
    me$.next({ agentId: 'agent:1', name: 'Dana Demo' });
    expect(await firstValueFrom(composer.liveQueries.prefs({}))).toEqual({ notifications: true });
    subscription.unsubscribe();
    expect(seen[0]).toBe(false);
    expect(seen).toContain(true);

    me$.next(null);
    await expect(composer.commands['prefs.set']({ notifications: true })).rejects.toMatchObject({ code: 'unauthorized' });
  });
});
