// The report periods the lead can pick, in order, with their labels.
import type { ReportPeriod } from '../../../../src-preload/contract';

export const reportPeriods: { id: ReportPeriod; label: string }[] = [
  { id: 'today', label: 'Today' },
  { id: '7d', label: '7 days' },
  { id: '30d', label: '30 days' },
];
