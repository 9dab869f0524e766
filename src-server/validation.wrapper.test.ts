// The embedded server's validate_doc_update runner on a real LevelDB PouchDB: replicated edits
// are stored as sent (the express-pouchdb bug it replaces), judged against the revision they
// extend, and rejected documents come back as per-document errors in order.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PouchDB from 'pouchdb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installValidateDocUpdate, type ValidatableDatabase } from './validation.wrapper';

const RULES = `function (newDoc, oldDoc, userCtx) {
  if (userCtx.roles.indexOf('writer') === -1 && userCtx.roles.indexOf('_admin') === -1) throw({ unauthorized: 'writers only' });
  if (newDoc.bad) throw({ forbidden: 'bad document' });
  if (oldDoc && oldDoc.frozen && !newDoc.thaw) throw({ forbidden: 'frozen at ' + oldDoc._rev });
}`;

/** The database as express-pouchdb calls it: CouchDB-style bodies and a user context in the
 *  options, which PouchDB's own typings do not describe. */
interface ServedDatabase {
  bulkDocs(body: unknown, options?: unknown): Promise<unknown>;
  put(doc: object, options?: unknown): Promise<{ ok: boolean; rev: string }>;
  post(doc: object, options?: unknown): Promise<{ ok: boolean }>;
  remove(id: string, rev: string): Promise<unknown>;
}

let dir: string;
let pouch: PouchDB.Database;
let db: ServedDatabase;
const writer = { userCtx: { name: 'w', roles: ['writer'] } };

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'td-validate-'));
  pouch = new PouchDB(join(dir, 'db'));
  await pouch.put({ _id: '_design/rules', validate_doc_update: RULES });
  installValidateDocUpdate(pouch as unknown as ValidatableDatabase);
  db = pouch as unknown as ServedDatabase;
});
afterEach(async () => {
  await pouch.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What PouchDB's replicator sends: the new revision with its history. */
function replicated(id: string, revs: string[], body: Record<string, unknown>) {
  const [newest = ''] = revs;
  const start = Number(newest.split('-')[0]);
  return { _id: id, _rev: newest, _revisions: { start, ids: revs.map((rev) => rev.split('-')[1]) }, ...body };
}

describe('installValidateDocUpdate', () => {
  it('stores a replicated edit as the new revision, history intact', async () => {
    await db.bulkDocs({ docs: [replicated('a', ['1-aaa'], { n: 1 })], new_edits: false }, writer);
    const result = await db.bulkDocs({ docs: [replicated('a', ['3-ccc', '2-bbb', '1-aaa'], { n: 3 })], new_edits: false }, writer);
    expect(result).toEqual([]);
    const stored = await pouch.get<{ n: number }>('a', { revs: true });
    expect(stored).toMatchObject({ _rev: '3-ccc', n: 3, _revisions: { start: 3, ids: ['ccc', 'bbb', 'aaa'] } });
  });

  it('judges a replicated edit against the revision it extends, not the current winner', async () => {
    expect(await db.bulkDocs({ docs: [replicated('b', ['1-aaa'], { frozen: true })], new_edits: false }, writer)).toEqual([]);
    expect(await db.bulkDocs({ docs: [replicated('b', ['2-bbb', '1-aaa'], { thaw: true })], new_edits: false }, writer)).toEqual([]);
    // The winner (2-bbb) is not frozen, but this edit branches off the frozen 1-aaa.
    const branch = await db.bulkDocs({ docs: [replicated('b', ['2-zzz', '1-aaa'], { n: 1 })], new_edits: false }, writer);
    expect(branch).toEqual([expect.objectContaining({ id: 'b', name: 'forbidden', status: 403, message: 'frozen at 1-aaa' })]);
    // An edit on top of the winner passes.
    expect(await db.bulkDocs({ docs: [replicated('b', ['3-ccc', '2-bbb', '1-aaa'], { n: 2 })], new_edits: false }, writer)).toEqual([]);
    // A revision the server already has is not judged again.
    expect(await db.bulkDocs({ docs: [replicated('b', ['1-aaa'], { frozen: true })], new_edits: false }, writer)).toEqual([]);
  });

  it('answers one result per document, in order, with refused ones as errors', async () => {
    const result = await db.bulkDocs({ docs: [{ _id: 'x1' }, { _id: 'x2', bad: true }, { _id: 'x3' }] }, writer);
    expect(result).toEqual([
      expect.objectContaining({ ok: true, id: 'x1' }),
      expect.objectContaining({ error: true, id: 'x2', name: 'forbidden', status: 403, message: 'bad document' }),
      expect.objectContaining({ ok: true, id: 'x3' }),
    ]);
    await expect(pouch.get('x2')).rejects.toMatchObject({ status: 404 });
  });

  it('guards put, post and remove too, with the caller’s user and the unauthorized verdict', async () => {
    await expect(db.put({ _id: 'p1', bad: true }, writer)).rejects.toMatchObject({ name: 'forbidden', status: 403 });
    await expect(db.put({ _id: 'p2' }, { userCtx: { name: 'r', roles: ['reader'] } })).rejects.toMatchObject({
      name: 'unauthorized',
      status: 401,
    });
    const posted = await db.post({ n: 1 }, writer);
    expect(posted.ok).toBe(true);
    const frozen = await db.put({ _id: 'p3', frozen: true }, writer);
    await expect(db.remove('p3', frozen.rev)).rejects.toMatchObject({ name: 'forbidden' });
    // No user context at all means an internal write, as by a server admin.
    expect((await db.put({ _id: 'p4' })).ok).toBe(true);
  });

  it('refuses a body it cannot read instead of writing it unvalidated', async () => {
    await expect(db.bulkDocs({ docs: [null] }, writer)).rejects.toMatchObject({ name: 'bad_request', status: 400 });
  });
});
