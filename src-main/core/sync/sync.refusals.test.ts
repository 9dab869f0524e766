// Tests for changes the server's rules refuse (real team server, its own process): what the user's
// role may not change is not sent; a refusal is shown plainly, the rest of the same push still
// lands (RxDB alone would retry the batch forever), the refused document goes back to the server's
// copy (a ticket keeps this agent's other changes), later changes keep syncing, and "sync now"
// clears the message.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigDoc } from '../db/schemas/config.schema';
import { toMessageDoc } from '../db/schemas/messages.schema';
import { newTicket } from '../tickets/ticket.factory';
import { addSyncUser, serverDocuments, startServerProcess, type ServerProcess } from './testing/sync-server.process';
import { connectPeer, eventually, isUpToDate, startPeer, testClock, WORKSPACE, type Peer } from './testing/sync.peers';

let tmp: string;
let server: ServerProcess;
let lead: Peer;
let agent: Peer;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'td-sync-refusals-'));
  server = await startServerProcess({ dataDir: join(tmp, 'server') });
  await addSyncUser(server.url, 'lena', ['lead']);
  await addSyncUser(server.url, 'tg1001', ['agent']);
  const clock = testClock();
  lead = await startPeer({ clock });
  agent = await startPeer({ clock });
  await connectPeer(lead, server.url, 'lena');
  await connectPeer(agent, server.url, 'tg1001');
});

afterAll(async () => {
  await lead?.dispose();
  await agent?.dispose();
  await server?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

const onServer = async (collection: string, id: string) =>
  (await serverDocuments(server.url, `td-${WORKSPACE}-${collection}`)).find((row) => row.id === id)?.doc;

describe('changes the server’s rules refuse', () => {
  it('does not send what the user’s role may not change, and takes the lead’s next version', async () => {
    const template: ConfigDoc = { id: 'template:greeting', kind: 'template', updatedAt: 100, data: { title: 'Greeting', body: 'Hello {{customer.first_name}}!' } };
    await lead.core.db.config.insert(template);
    await eventually(async () => expect(await agent.core.db.config.findOne(template.id).exec()).not.toBeNull());

    // An agent's app writes a lead-only template and a round-robin cursor any agent may write.
    const cursor: ConfigDoc = { id: 'cursor:general', kind: 'cursor', updatedAt: 200, data: { last: 'agent:1' } };
    await agent.core.db.config.bulkUpsert([{ ...template, updatedAt: 200, data: { title: 'Greeting', body: 'Yo' } }, cursor]);
    await eventually(async () => expect(await onServer('config', cursor.id)).toMatchObject({ data: { last: 'agent:1' } }));
    await eventually(() => expect(isUpToDate(agent)).toBe(true));
    expect(await onServer('config', template.id)).toMatchObject({ data: { body: 'Hello {{customer.first_name}}!' } });
    expect(agent.sync.settings.refusals).toEqual([]);

    // The lead's next change replaces the agent's local one.
    await (await lead.core.db.config.findOne(template.id).exec())?.incrementalPatch({ updatedAt: 300, data: { title: 'Greeting', body: 'Welcome!' } });
    await eventually(async () => expect((await agent.core.db.config.findOne(template.id).exec())?.data).toEqual({ title: 'Greeting', body: 'Welcome!' }));
  });

  it('shows a refusal, lets the rest of the same push through and puts the server’s copy back', async () => {
    const customerMessage = toMessageDoc({
      id: 'tg:700:55',
      ticketId: 'tg:700:1',
      kind: 'customer',
      authorId: '9001',
      authorName: 'Mia',
      text: 'My parcel is damaged',
      entities: [],
      media: null,
      sentAt: 1_700_000_000_000,
      editedAt: null,
      deleted: false,
      delivery: null,
      createdAt: 1_700_000_000_000,
    });
    await lead.core.db.messages.insert(customerMessage);
    await eventually(async () => expect(await agent.core.db.messages.findOne(customerMessage.id).exec()).not.toBeNull());

    // One push: a change to the customer's own words (refused: only the customer edits them) and an internal note.
    const note = toMessageDoc({ ...customerMessage, id: 'local:note-1', kind: 'note', authorId: 'agent:1001', authorName: 'Ada', text: 'Asked for photos' });
    await agent.core.db.messages.bulkUpsert([{ ...customerMessage, text: 'My parcel is fine' }, note]);

    const reason = "A customer message's text changes only with the customer's edit: editedAt must move forward.";
    await eventually(async () => {
      expect(agent.syncStatus).toMatchObject({ state: 'error', detail: `The sync server's rules refused a change: ${reason}` });
      expect(await onServer('messages', note.id)).toMatchObject({ text: 'Asked for photos' });
      expect((await agent.core.db.messages.findOne(customerMessage.id).exec())?.toMutableJSON()).toEqual(customerMessage);
    });
    expect(agent.sync.settings.refusals).toMatchObject([{ collection: 'messages', docId: customerMessage.id, reason }]);
    expect(await onServer('messages', customerMessage.id)).toMatchObject({ text: 'My parcel is damaged' });

    // The collection is not stuck: later changes still go out; "sync now" clears the message.
    await agent.core.db.messages.upsert({ ...note, text: 'Asked for photos and the order number' });
    await eventually(async () => expect(await onServer('messages', note.id)).toMatchObject({ text: 'Asked for photos and the order number' }));
    agent.sync.resume();
    await eventually(() => expect(isUpToDate(agent)).toBe(true));
    expect(agent.sync.settings.refusals).toEqual([]);
  });

  it('repairs a ticket whose offline moves arrived as one illegal jump: the server’s status, my other changes', async () => {
    const id = 'tg:700:1';
    await agent.core.db.tickets.insert(newTicket({ id, subject: 'Return label', createdAt: 1_700_000_000_000 }));
    expect(await agent.core.dispatcher.call('tickets.setStatus', { ticketId: id, status: 'in_progress' })).toMatchObject({ ok: true });
    await eventually(async () => expect(await onServer('tickets', id)).toMatchObject({ status: 'in_progress' }));
    // Nobody else writes this ticket meanwhile (another app's change would make this a plain
    // conflict, merged the same way but never refused): the lead's app stops syncing.
    await lead.sync.configure(null);
    await agent.core.automation.idle();
    await eventually(() => expect(isUpToDate(agent)).toBe(true));

    // Offline the agent resolved, then closed, and raised the priority; the replication sees only
    // the latest state, so the server is asked for in_progress → closed, which its rules refuse.
    const doc = await agent.core.db.tickets.findOne(id).exec();
    const t = 1_700_000_500_000;
    await doc?.incrementalModify((ticket) => ({
      ...ticket,
      status: 'closed',
      resolvedAt: t,
      closedAt: t + 1,
      priority: 'urgent',
      updatedAt: t + 1,
      fieldTimes: { ...ticket.fieldTimes, status: t + 1, resolvedAt: t + 1, closedAt: t + 1, priority: t },
    }));

    await eventually(async () => {
      expect(agent.syncStatus.detail).toContain('A ticket cannot move from in_progress to closed');
      expect(await onServer('tickets', id)).toMatchObject({ status: 'in_progress', priority: 'urgent' });
      expect((await agent.core.db.tickets.findOne(id).exec())?.toMutableJSON()).toMatchObject({ status: 'in_progress', closedAt: null, priority: 'urgent' });
    });
    agent.sync.resume();
    await eventually(() => expect(isUpToDate(agent)).toBe(true));
    const settled = { status: 'in_progress', resolvedAt: null, closedAt: null, priority: 'urgent' };
    expect(await onServer('tickets', id)).toMatchObject(settled);
    expect((await agent.core.db.tickets.findOne(id).exec())?.toMutableJSON()).toMatchObject(settled);
  });
});
