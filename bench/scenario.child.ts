// Runs one scenario in its own process (so a long ingest's garbage or JIT state never leaks into the next
// figure) and writes its outcome as JSON to the file the runner named:
// `scenario.child.ts <id> <quick|full> <out.json> <tmpRoot> <repoRoot>`. Bench only.
import { writeFileSync } from 'node:fs';
import { isBenchMode } from './bench.mode';
import { runScenario } from './scenario.runner';
import { scenarios } from './scenarios/index';
import { cleanup, installSignalCleanup } from './support/cleanup.registry';

async function main(): Promise<void> {
  installSignalCleanup();
  const [id, mode, outFile, tmpRoot, repoRoot] = process.argv.slice(2);
  const scenario = scenarios.find((s) => s.id === id);
  if (!scenario || !isBenchMode(mode) || !outFile || !tmpRoot || !repoRoot) {
    throw new Error(`usage: scenario.child.ts <id> <quick|full> <out.json> <tmpRoot> <repoRoot> (got ${process.argv.slice(2).join(' ')})`);
  }
  try {
    const outcome = await runScenario(scenario, { mode, tmpRoot, repoRoot, log: (message) => console.error(`  ${message}`) });
    writeFileSync(outFile, JSON.stringify(outcome));
  } finally {
    await cleanup.runAll();
  }
}

main().then(
  // Open handles (gramjs timers, sockets being torn down) must not keep a finished scenario alive.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
