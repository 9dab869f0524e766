// The prepared data dir the inbox, cold-start, memory and action scenarios open: the workspace fixture
// written through RxDB into DenoKV, then opened once by a real core so its automation settles (SLA fields,
// routing, seeded config) as in an app that has been running. Built once per bench run and reused.
// Bench only.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../src-main/core/db/database';
import { startBenchCore } from './bench.core';
import { benchAgents, benchMessages, benchTicket, type WorkspaceSize } from './workspace.fixture';

export const DATASET_WORKSPACE = 'bench';
/** Tickets per bulk write. More than ~160 per call overflow @deno/kv's 1,000-mutation limit per atomic commit (the
 *  storage's batchSize of 500 documents × a document key and 4–5 index keys each); see the README's findings. */
const CHUNK = 100;

export interface Dataset {
  dataDir: string;
  size: WorkspaceSize;
  /** Seconds it took to write and settle (reported in the notes, not a figure). */
  buildSeconds: number;
}

export function datasetSizeFor(mode: 'quick' | 'full'): WorkspaceSize {
  return mode === 'full' ? { tickets: 20_000, messagesPerTicket: 10, agents: 50 } : { tickets: 2_000, messagesPerTicket: 5, agents: 50 };
}

export async function prepareDataset(tmpRoot: string, size: WorkspaceSize, log: (message: string) => void): Promise<Dataset> {
  const dataDir = join(tmpRoot, `dataset-${size.tickets}x${size.messagesPerTicket}-${size.agents}`);
  const marker = join(dataDir, 'bench-dataset.json');
  if (existsSync(marker)) return { dataDir, size, buildSeconds: 0 };
  const started = performance.now();
  const now = Date.now();
  log(`dataset: writing ${size.tickets} tickets, ${size.tickets * size.messagesPerTicket} messages, ${size.agents} agents`);
  const db = await openDatabase({ workspace: DATASET_WORKSPACE, storage: { kind: 'denokv', dataDir } });
  try {
    await db.agents.bulkInsert(benchAgents(size.agents, now));
    for (let at = 0; at < size.tickets; at += CHUNK) {
      const tickets = Array.from({ length: Math.min(CHUNK, size.tickets - at) }, (_, k) => benchTicket(at + k, size, now));
      await db.tickets.bulkInsert(tickets);
      const messages = tickets.flatMap((ticket) => benchMessages(ticket, size.messagesPerTicket));
      for (let m = 0; m < messages.length; m += CHUNK) await db.messages.bulkInsert(messages.slice(m, m + CHUNK));
      if ((at / CHUNK) % 50 === 0) log(`dataset: ${at + tickets.length}/${size.tickets} tickets written`);
    }
  } finally {
    await db.close();
  }
  log('dataset: settling (a core opens it once: seeded config, SLA fields, routing)');
  const bench = await startBenchCore(dataDir, { workspace: DATASET_WORKSPACE });
  try {
    await bench.core.automation.idle();
  } finally {
    await bench.dispose();
  }
  const buildSeconds = (performance.now() - started) / 1000;
  writeFileSync(marker, JSON.stringify({ size, builtAt: new Date().toISOString(), buildSeconds }));
  log(`dataset: ready in ${Math.round(buildSeconds)} s`);
  return { dataDir, size, buildSeconds };
}
