// Prints the results as a table, each figure beside the peer or limit measured in the same run. Pure
// (returns text).
import type { BenchResults, FigureResultRecord } from './bench.results';

const formatNumber = (value: number) => (Math.abs(value) >= 1000 ? Math.round(value).toLocaleString('en-US') : String(value));

function pad(cells: string[][]): string {
  const widths = cells[0]?.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length))) ?? [];
  return cells.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ')).join('\n');
}

function versus(figure: FigureResultRecord, byName: Map<string, FigureResultRecord>): string {
  if (!figure.reference) return '';
  const reference = byName.get(figure.reference);
  if (!reference) return `vs ${figure.reference}: missing`;
  const share = reference.value === 0 ? Number.NaN : figure.value / reference.value;
  return `vs ${formatNumber(reference.value)} (${figure.reference}) = ${(share * 100).toFixed(share < 0.1 ? 2 : 0)}%`;
}

export function formatResultsTable(results: BenchResults): string {
  const byName = new Map(results.results.map((r) => [r.name, r]));
  const rows = [['figure', 'value', 'unit', 'runs', 'min', 'max', 'side by side']];
  for (const r of results.results) {
    rows.push([r.name, formatNumber(r.value), r.unit, String(r.runs), formatNumber(r.min), formatNumber(r.max), versus(r, byName)]);
  }
  const { machine } = results;
  const header = `Topicdesk bench (${results.mode}) on ${machine.cpus}× ${machine.model}, ${machine.memGb} GB, Node ${machine.node}, ${machine.platform}; ${Math.round(results.seconds)} s`;
  const failures = results.failures.map((f) => `FAILED ${f.scenario}: ${f.error}`);
  return [header, '', pad(rows), ...(failures.length ? ['', ...failures] : [])].join('\n');
}
