// Reads `npm run bench -- [--quick] [--json FILE] [--only a,b]` into options. Pure, so every form is tested.
import { parseArgs } from 'node:util';
import type { BenchMode } from './scenario';

export interface BenchOptions {
  mode: BenchMode;
  jsonFile: string;
  /** Scenario ids to run; all when empty. */
  only: string[];
}

export const DEFAULT_JSON_FILE = 'bench-results/latest.json';

export class BenchUsageError extends Error {}

export const benchUsage = `npm run bench -- [--quick] [--json FILE] [--only ID[,ID...]]

  --quick   smaller sizes and fewer runs (a few minutes); the default is the full sizes
  --json    where to write the results (default ${DEFAULT_JSON_FILE})
  --only    run only these scenarios (ids: see bench/README.md)`;

export function parseBenchOptions(argv: readonly string[], known: readonly string[]): BenchOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        quick: { type: 'boolean', default: false },
        json: { type: 'string' },
        only: { type: 'string', multiple: true },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new BenchUsageError(`${(error as Error).message}\n\n${benchUsage}`);
  }
  const only = (values.only ?? []).flatMap((value) => value.split(',')).map((id) => id.trim()).filter(Boolean);
  const unknown = only.filter((id) => !known.includes(id));
  if (unknown.length) throw new BenchUsageError(`Unknown scenario ${unknown.join(', ')}; known: ${known.join(', ')}.`);
  if (values.json !== undefined && values.json.trim() === '') throw new BenchUsageError('--json needs a file name.');
  return { mode: values.quick ? 'quick' : 'full', jsonFile: values.json ?? DEFAULT_JSON_FILE, only };
}
