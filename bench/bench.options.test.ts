// Tests for the bench's command line (pure).
import { describe, expect, it } from 'vitest';
import { BenchUsageError, DEFAULT_JSON_FILE, parseBenchOptions } from './bench.options';

const known = ['ingest', 'inbox', 'routing'];

describe('parseBenchOptions', () => {
  it('runs everything at full size into the default file when given nothing', () => {
    expect(parseBenchOptions([], known)).toEqual({ mode: 'full', jsonFile: DEFAULT_JSON_FILE, only: [] });
  });

  it('reads --quick, --json and a comma or repeated --only', () => {
    expect(parseBenchOptions(['--quick', '--json', 'out/x.json', '--only', 'ingest,inbox', '--only', 'routing'], known)).toEqual({
      mode: 'quick',
      jsonFile: 'out/x.json',
      only: ['ingest', 'inbox', 'routing'],
    });
  });

  it('refuses unknown flags, unknown scenarios and an empty file name, saying what is known', () => {
    expect(() => parseBenchOptions(['--fast'], known)).toThrow(BenchUsageError);
    expect(() => parseBenchOptions(['--only', 'sync'], known)).toThrow(/Unknown scenario sync; known: ingest, inbox, routing/);
    expect(() => parseBenchOptions(['--json', ' '], known)).toThrow(/needs a file name/);
  });
});
