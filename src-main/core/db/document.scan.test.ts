import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Ticket } from '../../../src-preload/contract';
import { newTicket } from '../tickets/ticket.factory';
import { openDatabase, type StorageOption, type TopicdeskDatabase } from './database';
import { scanDocuments, scansDocumentRange } from './document.scan';

const dbs: TopicdeskDatabase[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((db) => db.close()));
  dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

function denoKv(): StorageOption {
  const dir = mkdtempSync(join(tmpdir(), 'td-scan-'));
  dirs.push(dir);
  return { kind: 'denokv', dataDir: dir };
}

async function scanAll(db: TopicdeskDatabase, pageSize: number): Promise<{ pages: number[]; tickets: Ticket[] }> {
  const pages: number[] = [];
  const tickets: Ticket[] = [];
  for await (const page of scanDocuments(db.tickets, pageSize)) {
    pages.push(page.length);
    tickets.push(...page);
  }
  return { pages, tickets };
}

describe.each([
  ['DenoKV', denoKv, true],
  ['memory', (): StorageOption => ({ kind: 'memory' }), false],
] as const)('scanDocuments on %s', (_name, storage, directRange) => {
  it('reads every live document in its latest version, in pages, without storage fields', async () => {
    const db = await openDatabase({ workspace: 'scan', storage: storage() });
    dbs.push(db);
    expect(scansDocumentRange(db.tickets)).toBe(directRange);
    await db.tickets.bulkInsert(Array.from({ length: 250 }, (_, i) => newTicket({ id: `t${String(i).padStart(3, '0')}`, subject: `s${i}`, createdAt: i + 1 })));
    await (await db.tickets.findOne('t007').exec())?.incrementalPatch({ subject: 'changed' });
    await (await db.tickets.findOne('t008').exec())?.remove();

    const { pages, tickets } = await scanAll(db, 100);

    expect(pages.every((n) => n <= 100)).toBe(true);
    expect(tickets).toHaveLength(249);
    const byId = new Map(tickets.map((t) => [t.id, t]));
    expect(byId.has('t008')).toBe(false);
    expect(byId.get('t007')?.subject).toBe('changed');
    expect(Object.keys(byId.get('t001') ?? {}).filter((key) => key.startsWith('_'))).toEqual([]);
    const stored = (await db.tickets.find().exec()).map((doc) => doc.toMutableJSON());
    expect(tickets.sort((a, b) => a.id.localeCompare(b.id))).toEqual(stored.sort((a, b) => a.id.localeCompare(b.id)));
  });

  it('reads nothing from an empty collection', async () => {
    const db = await openDatabase({ workspace: 'scan-empty', storage: storage() });
    dbs.push(db);
    expect(await scanAll(db, 10)).toEqual({ pages: [], tickets: [] });
  });
});
