// Tests for the results table: figures side by side with their peers and limits, failures listed. Pure.
import { describe, expect, it } from 'vitest';
import type { BenchResults } from './bench.results';
import { formatResultsTable } from './report.table';

const results: BenchResults = {
  machine: { cpus: 2, model: 'Test CPU', memGb: 8, node: 'v20.0.0', platform: 'linux-x64' },
  mode: 'quick',
  startedAt: '2026-01-01T00:00:00.000Z',
  seconds: 61.2,
  results: [
    { name: 'ingest.messages_per_s', value: 130, unit: 'messages/s', runs: 3, median: 130, min: 120, max: 140, better: 'higher', reference: 'ingest.raw_kv_messages_per_s' },
    { name: 'ingest.raw_kv_messages_per_s', value: 26000, unit: 'messages/s', runs: 3, median: 26000, min: 25000, max: 27000, better: 'higher' },
    { name: 'sync.initial_docs_per_s', value: 400, unit: 'docs/s', runs: 3, median: 400, min: 390, max: 410, better: 'higher', reference: 'sync.pouchdb_docs_per_s' },
  ],
  failures: [{ scenario: 'memory', error: 'exited with code 1' }],
};

describe('formatResultsTable', () => {
  const text = formatResultsTable(results);

  it('puts each figure beside the limit measured in the same run, as a share', () => {
    const ingest = text.split('\n').find((line) => line.startsWith('ingest.messages_per_s'));
    expect(ingest).toContain('vs 26,000 (ingest.raw_kv_messages_per_s) = 0.50%');
  });

  it('says when the reference figure is missing and lists failed scenarios', () => {
    expect(text).toContain('vs sync.pouchdb_docs_per_s: missing');
    expect(text).toContain('FAILED memory: exited with code 1');
  });

  it('names the machine and the mode in the header', () => {
    expect(text.split('\n')[0]).toBe('Topicdesk bench (quick) on 2× Test CPU, 8 GB, Node v20.0.0, linux-x64; 61 s');
  });
});
