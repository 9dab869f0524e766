// Runs one scenario: set up, warm up, measure several runs, and summarise every figure as the median of
// the runs (with min and max). Bench only; runs inside the scenario's child process.
import type { FigureSpec, Sample, Scenario, ScenarioContext } from './scenario';
import { round, summarize } from './support/stats';

export interface FigureResult {
  name: string;
  /** The median over the measured runs. */
  value: number;
  unit: string;
  runs: number;
  median: number;
  min: number;
  max: number;
  better: FigureSpec['better'];
  reference?: string;
  notes?: string;
}

export interface ScenarioOutcome {
  scenario: string;
  mode: ScenarioContext['mode'];
  seconds: number;
  results: FigureResult[];
  /** Figures no run could measure (the notes say why); they are left out of `results`. */
  missing: string[];
  notes: string[];
}

/** A figure is summarised over the runs that measured it; one that no run measured is left out (see `missingFigures`). */
export function summarizeFigures(figures: readonly FigureSpec[], samples: readonly Sample[], notes: readonly string[]): FigureResult[] {
  const note = notes.length ? notes.join(' ') : undefined;
  return figures.flatMap((figure) => {
    const values = samples.flatMap((sample) => (sample[figure.name] === undefined ? [] : [sample[figure.name] as number]));
    if (values.length === 0) return [];
    const summary = summarize(values);
    return {
      name: figure.name,
      value: round(summary.median),
      unit: figure.unit,
      runs: summary.runs,
      median: round(summary.median),
      min: round(summary.min),
      max: round(summary.max),
      better: figure.better,
      ...(figure.reference ? { reference: figure.reference } : {}),
      ...(note ? { notes: note } : {}),
    };
  });
}

export function missingFigures(figures: readonly FigureSpec[], samples: readonly Sample[]): string[] {
  return figures.filter((figure) => samples.every((sample) => sample[figure.name] === undefined)).map((figure) => figure.name);
}

export async function runScenario(scenario: Scenario, context: ScenarioContext, clock: () => number = () => performance.now()): Promise<ScenarioOutcome> {
  const started = clock();
  const { warmup, measured } = scenario.runs[context.mode];
  context.log(`${scenario.id}: setting up (${context.mode})`);
  const trial = await scenario.setup(context);
  const samples: Sample[] = [];
  try {
    for (let i = 0; i < warmup; i++) {
      context.log(`${scenario.id}: warm-up ${i + 1}/${warmup}`);
      await trial.measure({ index: i, warmup: true });
    }
    for (let i = 0; i < measured; i++) {
      const sample = await trial.measure({ index: i, warmup: false });
      context.log(`${scenario.id}: run ${i + 1}/${measured} ${formatSample(sample)}`);
      samples.push(sample);
    }
    return {
      scenario: scenario.id,
      mode: context.mode,
      seconds: round((clock() - started) / 1000),
      results: summarizeFigures(scenario.figures, samples, trial.notes()),
      missing: missingFigures(scenario.figures, samples),
      notes: trial.notes(),
    };
  } finally {
    await trial.dispose();
  }
}

function formatSample(sample: Sample): string {
  return Object.entries(sample)
    .map(([name, value]) => `${name}=${round(value)}`)
    .join(' ');
}
