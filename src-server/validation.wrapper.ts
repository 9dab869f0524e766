// Runs a database's validate_doc_update functions on every write to the embedded (PouchDB)
// server, the way Apache CouchDB does. Runs in the team server process.
//
// Why not express-pouchdb's own `validation` part (pouchdb-validation 4.2.0): it overwrites each
// incoming document's `_revisions` with the stored document's, so a replicated update
// (`_bulk_docs` with `new_edits: false`, what PouchDB's replicator sends) is silently stored as
// the old revision: the push reports success and the server keeps the old content. It also
// validates replicated edits against the current winner rather than against the revision they
// extend. This wrapper leaves documents untouched and picks `oldDoc` like CouchDB: the current
// document for normal writes; for replicated writes, the nearest ancestor revision the server has.
import { randomUUID } from 'node:crypto';
import vm from 'node:vm';
import { z } from 'zod';

/** CouchDB's user context as express-pouchdb passes it in the write options. */
export interface UserCtx {
  name: string | null;
  roles: string[];
  db?: string;
}

type ValidateFn = (newDoc: unknown, oldDoc: unknown, userCtx: UserCtx, secObj: unknown) => void;

type JsonDoc = Record<string, unknown> & { _id: string };

/** The slice of a PouchDB database this wrapper uses; `bulkDocs` is replaced in place. */
export interface ValidatableDatabase {
  bulkDocs: (...args: unknown[]) => Promise<unknown>;
  allDocs(options: { startkey: string; endkey: string; include_docs: true }): Promise<unknown>;
  get(id: string, options: { rev?: string; revs?: boolean }): Promise<unknown>;
  revsDiff(diff: Record<string, string[]>): Promise<unknown>;
}

const WriteOptions = z
  .object({
    new_edits: z.boolean().optional(),
    userCtx: z.object({ name: z.string().nullable(), roles: z.array(z.string()), db: z.string().optional() }).optional(),
    secObj: z.unknown().optional(),
  })
  .passthrough();

const Doc = z.record(z.string(), z.unknown());
const BulkBody = z.union([
  z.array(Doc).transform((docs): { docs: typeof docs; new_edits?: boolean } => ({ docs })),
  z.object({ docs: z.array(Doc), new_edits: z.boolean().optional() }).passthrough(),
]);
const DesignRows = z.object({
  rows: z.array(z.object({ doc: z.object({ validate_doc_update: z.string().optional() }).passthrough().optional() })),
});
const Revisions = z.object({ start: z.number().int(), ids: z.array(z.string()) });
const RevsDiffResult = z.record(z.string(), z.object({ missing: z.array(z.string()).optional() }).passthrough());

const compiled = new Map<string, ValidateFn>();

/** Compiles a validate_doc_update source in a fresh context with CouchDB's helper globals. */
export function compileValidateFunction(source: string): ValidateFn {
  const cached = compiled.get(source);
  if (cached) return cached;
  const context = vm.createContext({
    log: () => undefined,
    isArray: (value: unknown) => Array.isArray(value),
    toJSON: (value: unknown) => JSON.stringify(value),
  });
  const fn: unknown = vm.runInContext(`(${source.trim().replace(/;\s*$/, '')})`, context, { timeout: 1000 });
  if (typeof fn !== 'function') throw new Error('validate_doc_update does not evaluate to a function.');
  const validate = fn as ValidateFn;
  compiled.set(source, validate);
  return validate;
}

/** A per-document write error in the shape PouchDB and express-pouchdb pass along. */
export interface DocWriteError extends Error {
  error: true;
  status: number;
  id: string;
  reason: string;
}

function docError(id: string, status: number, name: string, reason: string): DocWriteError {
  const error = new Error(reason) as DocWriteError;
  error.name = name;
  error.error = true;
  error.status = status;
  error.id = id;
  error.reason = reason;
  return error;
}

/** What a validate function threw, as CouchDB reports it. */
function verdictOf(id: string, thrown: unknown): DocWriteError {
  if (typeof thrown === 'object' && thrown !== null) {
    if ('forbidden' in thrown) return docError(id, 403, 'forbidden', String(thrown.forbidden));
    if ('unauthorized' in thrown) return docError(id, 401, 'unauthorized', String(thrown.unauthorized));
  }
  const message = typeof thrown === 'object' && thrown !== null && 'message' in thrown ? String(thrown.message) : String(thrown);
  return docError(id, 500, 'validation_failed', `validate_doc_update failed: ${message}`);
}

async function validators(db: ValidatableDatabase): Promise<ValidateFn[]> {
  const result = DesignRows.parse(await db.allDocs({ startkey: '_design/', endkey: '_design0', include_docs: true }));
  return result.rows.flatMap((row) => (row.doc?.validate_doc_update ? [compileValidateFunction(row.doc.validate_doc_update)] : []));
}

async function currentDoc(db: ValidatableDatabase, id: string, rev?: string): Promise<unknown> {
  try {
    return await db.get(id, rev === undefined ? { revs: true } : { rev, revs: true });
  } catch {
    return null;
  }
}

/** The stored document a write is judged against, or `'skip'` for a revision already stored. */
async function oldDocFor(db: ValidatableDatabase, doc: JsonDoc, newEdits: boolean): Promise<unknown> {
  if (newEdits) return currentDoc(db, doc._id);
  const revisions = Revisions.safeParse(doc._revisions);
  const revs = revisions.success
    ? revisions.data.ids.map((id, i) => `${revisions.data.start - i}-${id}`)
    : typeof doc._rev === 'string'
      ? [doc._rev]
      : [];
  if (revs.length === 0) return null;
  const diff = RevsDiffResult.parse(await db.revsDiff({ [doc._id]: revs }));
  const missing = new Set(diff[doc._id]?.missing ?? []);
  if (!missing.has(revs[0] ?? '')) return 'skip';
  const nearest = revs.slice(1).find((rev) => !missing.has(rev));
  return nearest === undefined ? null : currentDoc(db, doc._id, nearest);
}

/** Replaces `db.bulkDocs` (through which PouchDB's put, post and remove also go) with one that
 *  validates each document first and reports rejected ones as per-document errors. */
export function installValidateDocUpdate(db: ValidatableDatabase): void {
  const original = db.bulkDocs.bind(db);

  async function validatedBulkDocs(request: unknown, rawOptions: unknown): Promise<unknown> {
    // Fail closed: a write we cannot read is not written unvalidated.
    const body = BulkBody.safeParse(request);
    if (!body.success) throw docError('', 400, 'bad_request', 'Request body must be {docs: [objects]}.');
    const options = WriteOptions.safeParse(rawOptions ?? {});
    if (!options.success) throw docError('', 400, 'bad_request', 'Unreadable write options.');
    // Give id-less posts their id now, so the rules can see it (CouchDB does the same).
    const docs = body.data.docs.map((doc): JsonDoc => ({ ...doc, _id: typeof doc._id === 'string' ? doc._id : randomUUID().replaceAll('-', '') }));
    const fns = await validators(db);
    if (fns.length === 0) return original({ ...body.data, docs }, rawOptions ?? {});

    const newEdits = options.data.new_edits ?? body.data.new_edits ?? true;
    const userCtx: UserCtx = options.data.userCtx ?? { name: null, roles: ['_admin'] };
    const secObj = options.data.secObj ?? {};

    const verdicts = await Promise.all(
      docs.map(async (doc): Promise<DocWriteError | null> => {
        if (doc._id.startsWith('_local/')) return null;
        const oldDoc = await oldDocFor(db, doc, newEdits);
        if (oldDoc === 'skip') return null;
        const newDoc: unknown = structuredClone(doc);
        try {
          for (const fn of fns) fn(newDoc, oldDoc, structuredClone(userCtx), secObj);
          return null;
        } catch (thrown) {
          return verdictOf(doc._id, thrown);
        }
      }),
    );
    if (verdicts.every((verdict) => verdict === null)) return original({ ...body.data, docs }, rawOptions ?? {});

    const accepted = docs.filter((_, i) => verdicts[i] === null);
    const written = accepted.length ? z.array(z.unknown()).parse(await original({ ...body.data, docs: accepted }, rawOptions ?? {})) : [];
    const rejected = verdicts.filter((verdict) => verdict !== null);
    // Replicated writes answer only failures, in no particular order; normal writes answer one
    // result per document, in order.
    if (!newEdits) return [...rejected, ...written];
    let next = 0;
    return verdicts.map((verdict) => verdict ?? written[next++]);
  }

  db.bulkDocs = (...args: unknown[]) => {
    const [request, second, third] = args;
    const callback = typeof second === 'function' ? second : typeof third === 'function' ? third : null;
    const options = typeof second === 'function' ? {} : second;
    const result = validatedBulkDocs(request, options);
    if (callback) result.then((value) => callback(null, value), (error: unknown) => callback(error));
    return result;
  };
}
