// `npm run bench -- [--quick] [--json FILE] [--only ID,...]`: runs each scenario in a child process (warm-up,
// several runs, medians), prints the figures side by side with their peers and limits, and writes them as
// JSON. Bench only; plain Node under tsx with the rxdb-old resolve hook (see README.md).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BenchUsageError, parseBenchOptions } from './bench.options';
import { ScenarioOutcomeSchema, type BenchResults, type FigureResultRecord } from './bench.results';
import { formatResultsTable } from './report.table';
import { scenarioIds } from './scenarios/index';
import { cleanup, installSignalCleanup } from './support/cleanup.registry';
import { machineInfo } from './support/machine.info';
import { round } from './support/stats';
import { makeTempDir } from './support/temp.dirs';

const benchDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(benchDir, '..');

let running: ChildProcess | null = null;

function runChild(id: string, mode: string, outFile: string, tmpRoot: string): Promise<number> {
  // The same Node flags as this process (tsx's loader and the rxdb-old hook), so the child resolves alike.
  const child = spawn(process.execPath, [...process.execArgv, join(benchDir, 'scenario.child.ts'), id, mode, outFile, tmpRoot, repoRoot], {
    cwd: repoRoot,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  running = child;
  return new Promise((resolveExit) =>
    child.once('exit', (code, signal) => {
      running = null;
      resolveExit(code ?? (signal ? 128 : 1));
    }),
  );
}

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2), scenarioIds);
  // On Ctrl+C the child gets the signal from the terminal too; a SIGTERM sent to us alone is passed on.
  installSignalCleanup(() => running?.kill('SIGTERM'));
  const startedAt = new Date();
  const started = performance.now();
  const tmpRoot = makeTempDir('topicdesk-bench');
  const ids = options.only.length ? scenarioIds.filter((id) => options.only.includes(id)) : scenarioIds;
  const results: FigureResultRecord[] = [];
  const failures: BenchResults['failures'] = [];
  for (const id of ids) {
    console.error(`\n[bench] ${id} (${options.mode})`);
    const outFile = join(tmpRoot, `${id}.outcome.json`);
    const code = await runChild(id, options.mode, outFile, tmpRoot);
    if (code !== 0) {
      failures.push({ scenario: id, error: `exited with code ${code} (see the output above)` });
      continue;
    }
    const outcome = ScenarioOutcomeSchema.parse(JSON.parse(readFileSync(outFile, 'utf8')));
    console.error(`[bench] ${id}: ${outcome.seconds} s`);
    results.push(...outcome.results);
    if (outcome.missing.length) failures.push({ scenario: id, error: `not measured: ${outcome.missing.join(', ')} (the code path failed; see notes)`, notes: outcome.notes.join(' ') });
  }
  const report: BenchResults = {
    machine: machineInfo(),
    mode: options.mode,
    startedAt: startedAt.toISOString(),
    seconds: round((performance.now() - started) / 1000),
    results,
    failures,
  };
  const jsonFile = resolve(repoRoot, options.jsonFile);
  mkdirSync(dirname(jsonFile), { recursive: true });
  writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\n${formatResultsTable(report)}\n\nWritten to ${jsonFile}`);
  await cleanup.runAll();
  process.exitCode = failures.length ? 1 : 0;
}

main().catch(async (error: unknown) => {
  console.error(error instanceof BenchUsageError ? error.message : error);
  await cleanup.runAll();
  process.exit(error instanceof BenchUsageError ? 2 : 1);
});
