import { afterEach, describe, expect, it } from 'vitest';
import type { Message } from '../../../src-preload/contract';
import { openDatabase, type TopicdeskDatabase } from '../db/database';
import { toMessageDoc } from '../db/schemas/messages.schema';
import { MessageTextIndex } from './message-text.index';

const dbs: TopicdeskDatabase[] = [];
const indexes: MessageTextIndex[] = [];
afterEach(async () => {
  indexes.splice(0).forEach((i) => i.dispose());
  await Promise.all(dbs.splice(0).map((db) => db.close()));
});

const message = (id: string, ticketId: string, text: string, extra: Partial<Message> = {}): Message => ({
  id, ticketId, kind: 'customer', authorId: null, authorName: 'c', text, entities: [], media: null,
  sentAt: 1, editedAt: null, deleted: false, delivery: null, createdAt: 1, ...extra,
});

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('MessageTextIndex', () => {
  it('finds text of stored and new messages, follows edits and deletions, skips system lines and notes of no text', async () => {
    const db = await openDatabase({ workspace: 'search', storage: { kind: 'memory' } });
    dbs.push(db);
    await db.messages.insert(toMessageDoc(message('tg:1:5', 't1', 'My PARCEL is lost')));
    const index = new MessageTextIndex();
    indexes.push(index);
    index.start(db);
    await until(() => index.lookup('t1') !== undefined);
    expect(index.lookup('t1')).toContain('parcel');

    await db.messages.insert(toMessageDoc(message('tg:1:6', 't1', 'Tracking 1Z999')));
    await db.messages.insert(toMessageDoc(message('sys:x', 't1', 'Ada changed the status', { kind: 'system' })));
    await until(() => index.lookup('t1')?.includes('1z999') === true);
    expect(index.lookup('t1')).not.toContain('status');

    const doc = await db.messages.findOne('tg:1:5').exec();
    await doc?.incrementalPatch({ text: 'Found it, thanks' });
    await until(() => index.lookup('t1')?.includes('found it') === true);
    expect(index.lookup('t1')).not.toContain('parcel');

    await (await db.messages.findOne('tg:1:6').exec())?.incrementalPatch({ deleted: true });
    await until(() => !index.lookup('t1')?.includes('1z999'));
    expect(index.lookup('t1')).toBe('found it, thanks');
  });

  it('loads every stored message, across pages', async () => {
    const db = await openDatabase({ workspace: 'search-pages', storage: { kind: 'memory' } });
    dbs.push(db);
    await db.messages.bulkInsert(Array.from({ length: 4_500 }, (_, i) => toMessageDoc(message(`tg:1:${i}`, `t${i % 50}`, `word${i}`))));
    const index = new MessageTextIndex();
    indexes.push(index);
    index.start(db);
    await until(() => index.lookup('t49')?.includes('word4499') === true);
    expect(index.lookup('t0')).toContain('word4450');
  });
});
