// What a bench scenario is: the figures it reports and a trial the runner repeats (warm-up first, then the
// measured runs). Types only; bench runner and scenarios.

export type BenchMode = 'quick' | 'full';

export interface FigureSpec {
  /** The `name` in the results file, e.g. `ingest.messages_per_s`. */
  name: string;
  unit: string;
  better: 'higher' | 'lower';
  /** The peer or limit measured in the same run that this figure is read against (its `name`). */
  reference?: string;
}

export interface ScenarioContext {
  mode: BenchMode;
  /** The repository root (where out/, src-main/ and node_modules/ are). */
  repoRoot: string;
  /** This bench run's temp root; scenarios make their dirs under it (removed at the end, also on Ctrl+C). */
  tmpRoot: string;
  /** Progress lines for the person watching (stderr); never part of a figure. */
  log(message: string): void;
}

/**
 * One measured repetition: a value per figure. A figure the run could not measure (the code path failed) is left
 * out and the trial's notes say why; it is then summarised over the runs that did measure it, or reported missing.
 */
export type Sample = Record<string, number>;

export interface Trial {
  /** Runs once and returns a value per figure; the runner calls it for the warm-up and each measured run. */
  measure(run: { index: number; warmup: boolean }): Promise<Sample>;
  /** Which code path was measured and anything a reader of the figure must know. */
  notes(): string[];
  dispose(): Promise<void>;
}

export interface Scenario {
  /** Short id for `--only`, e.g. `ingest`. */
  id: string;
  figures: readonly FigureSpec[];
  runs: Record<BenchMode, { warmup: number; measured: number }>;
  setup(context: ScenarioContext): Promise<Trial>;
}
