import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Message } from '../../../src-preload/contract';
import { newTicket } from '../tickets/ticket.factory';
import { openDatabase, type TopicdeskDatabase } from './database';
import { toMessageDoc } from './schemas/messages.schema';

const dbs: TopicdeskDatabase[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((db) => db.close()));
  dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

describe('DenoKV storage', () => {
  it('writes bulks far larger than one commit can hold (what a first sync pulls at once)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'td-kv-'));
    dirs.push(dir);
    const db = await openDatabase({ workspace: 'bulk', storage: { kind: 'denokv', dataDir: dir } });
    dbs.push(db);
    const tickets = Array.from({ length: 400 }, (_, i) => newTicket({ id: `t${i}`, subject: `s${i}`, createdAt: i + 1 }));
    const messages: Message[] = Array.from({ length: 400 }, (_, i) => ({
      id: `m${i}`, ticketId: `t${i}`, kind: 'customer', authorId: null, authorName: 'c', text: 'hi', entities: [], media: null,
      sentAt: i + 1, editedAt: null, deleted: false, delivery: null, createdAt: i + 1,
    }));
    expect((await db.tickets.bulkInsert(tickets)).error).toEqual([]);
    expect((await db.messages.bulkInsert(messages.map(toMessageDoc))).error).toEqual([]);
    expect(await db.messages.count().exec()).toBe(400);
  });
});
