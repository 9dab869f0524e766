// The results file (`{"machine", "results": [...]}`) and the outcome a scenario child hands back to the
// runner, as zod schemas: both cross a process boundary (a file), so the runner parses them. Bench only.
import { z } from 'zod';

export const FigureResultSchema = z.object({
  name: z.string(),
  value: z.number(),
  unit: z.string(),
  runs: z.number().int().positive(),
  median: z.number(),
  min: z.number(),
  max: z.number(),
  better: z.enum(['higher', 'lower']),
  reference: z.string().optional(),
  notes: z.string().optional(),
});
export type FigureResultRecord = z.infer<typeof FigureResultSchema>;

export const ScenarioOutcomeSchema = z.object({
  scenario: z.string(),
  mode: z.enum(['quick', 'full']),
  seconds: z.number(),
  results: z.array(FigureResultSchema),
  missing: z.array(z.string()),
  notes: z.array(z.string()),
});
export type ScenarioOutcomeRecord = z.infer<typeof ScenarioOutcomeSchema>;

export const MachineSchema = z.object({ cpus: z.number(), model: z.string(), memGb: z.number(), node: z.string(), platform: z.string() });

export const BenchResultsSchema = z.object({
  machine: MachineSchema,
  mode: z.enum(['quick', 'full']),
  startedAt: z.string(),
  seconds: z.number(),
  results: z.array(FigureResultSchema),
  /** Scenarios that failed, with the reason; their figures are missing from `results`. */
  failures: z.array(z.object({ scenario: z.string(), error: z.string(), notes: z.string().optional() })),
});
export type BenchResults = z.infer<typeof BenchResultsSchema>;
