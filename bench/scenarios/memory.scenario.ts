// memory.main_rss_mb: the resident memory of the headless host process with the full data set open, read
// from /proc/<pid>/status right after the first inbox page reached a bridge client. Bench only.
import type { Scenario, Trial } from '../scenario';
import { memoryOf } from '../support/child.processes';
import { datasetSizeFor, prepareDataset } from '../support/workspace.dataset';
import { hostUntilFirstPage } from './cold-start.scenario';

export const memoryScenario: Scenario = {
  id: 'memory',
  figures: [
    { name: 'memory.main_rss_mb', unit: 'MB', better: 'lower' },
    { name: 'memory.main_peak_rss_mb', unit: 'MB', better: 'lower' },
  ],
  runs: { quick: { warmup: 0, measured: 3 }, full: { warmup: 0, measured: 3 } },
  async setup(context): Promise<Trial> {
    const dataset = await prepareDataset(context.tmpRoot, datasetSizeFor(context.mode), context.log);
    return {
      async measure() {
        const run = await hostUntilFirstPage({ repoRoot: context.repoRoot, dataDir: dataset.dataDir });
        try {
          const memory = memoryOf(run.timing.pid);
          return { 'memory.main_rss_mb': memory.rssMb, 'memory.main_peak_rss_mb': memory.peakRssMb };
        } finally {
          await run.stop();
        }
      },
      notes: () => [
        `VmRSS / VmHWM of the serve.js process after its first page, ${dataset.size.tickets} tickets and ${dataset.size.tickets * dataset.size.messagesPerTicket} messages stored.`,
      ],
      async dispose() {},
    };
  },
};
