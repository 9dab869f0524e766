// Tests for the scenario runner: warm-up runs are thrown away, each figure is the median of the measured runs,
// the trial is disposed even when a run fails. Uses a scripted scenario (no I/O).
import { describe, expect, it } from 'vitest';
import type { Sample, Scenario, Trial } from './scenario';
import { missingFigures, runScenario, summarizeFigures } from './scenario.runner';

function scripted(values: number[], events: string[], failAt = -1): Scenario {
  return {
    id: 'scripted',
    figures: [
      { name: 'x.per_s', unit: '/s', better: 'higher', reference: 'x.limit_per_s' },
      { name: 'x.limit_per_s', unit: '/s', better: 'higher' },
    ],
    runs: { quick: { warmup: 1, measured: 3 }, full: { warmup: 0, measured: 1 } },
    async setup(): Promise<Trial> {
      let call = 0;
      return {
        async measure({ warmup }) {
          const value = values[call] ?? 0;
          if (call++ === failAt) throw new Error('run failed');
          events.push(warmup ? `warmup ${value}` : `run ${value}`);
          return { 'x.per_s': value, 'x.limit_per_s': value * 10 };
        },
        notes: () => ['scripted'],
        async dispose() {
          events.push('disposed');
        },
      };
    },
  };
}

const context = { mode: 'quick' as const, repoRoot: '/repo', tmpRoot: '/tmp/x', log: () => {} };

describe('runScenario', () => {
  it('drops the warm-up and reports the median, min and max of the measured runs', async () => {
    const events: string[] = [];
    let now = 0;
    const outcome = await runScenario(scripted([1_000, 30, 10, 20], events), context, () => (now += 500));
    expect(events).toEqual(['warmup 1000', 'run 30', 'run 10', 'run 20', 'disposed']);
    expect(outcome.results[0]).toMatchObject({ name: 'x.per_s', value: 20, median: 20, min: 10, max: 30, runs: 3, reference: 'x.limit_per_s', notes: 'scripted' });
    expect(outcome.results[1]).toMatchObject({ name: 'x.limit_per_s', value: 200 });
    expect(outcome.seconds).toBe(0.5);
  });

  it('disposes the trial when a run throws, and passes the error on', async () => {
    const events: string[] = [];
    await expect(runScenario(scripted([1, 2, 3, 4], events, 2), context)).rejects.toThrow('run failed');
    expect(events.at(-1)).toBe('disposed');
  });
});

describe('summarizeFigures and missingFigures', () => {
  const figures = [
    { name: 'a', unit: 'ms', better: 'lower' as const },
    { name: 'b', unit: 'ms', better: 'lower' as const },
  ];

  it('summarises a figure over the runs that measured it, and names the ones no run measured', () => {
    const samples: Sample[] = [{ a: 1 }, { a: 3 }, {}];
    expect(summarizeFigures(figures, samples, [])).toEqual([expect.objectContaining({ name: 'a', runs: 2, median: 2 })]);
    expect(missingFigures(figures, samples)).toEqual(['b']);
  });
});
