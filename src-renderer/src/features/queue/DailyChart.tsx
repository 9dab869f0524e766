// A small bar chart of one daily median (first response or resolution), drawn as plain SVG.
import type { DayPoint } from '../../../../src-preload/contract';
import { bars, dayLabel, duration, niceCeiling } from './report.format';

const WIDTH = 560;
const HEIGHT = 120;
const MINUTE = 60_000;

interface Props {
  title: string;
  days: readonly DayPoint[];
  value(day: DayPoint): number | null;
  testId: string;
  tone: 'frt' | 'resolution';
}

export function DailyChart({ title, days, value, testId, tone }: Props) {
  const values = days.map(value);
  const max = Math.max(0, ...values.map((v) => v ?? 0));
  // The axis in whole minutes, so its top reads as a round duration.
  const top = niceCeiling(max / MINUTE) * MINUTE;
  const shown = bars(values, days.map((d) => dayLabel(d.date)), WIDTH, HEIGHT, top);
  const any = values.some((v) => v !== null);
  return (
    <figure className="daily-chart" data-testid={testId}>
      <figcaption>
        {title} <span className="muted">· daily median · axis top {duration(top)}</span>
      </figcaption>
      <svg viewBox={`0 -4 ${WIDTH} ${HEIGHT + 22}`} role="img" aria-label={`${title}, daily median over ${days.length} days`} preserveAspectRatio="none">
        <line x1={0} x2={WIDTH} y1={HEIGHT} y2={HEIGHT} className="axis" />
        <line x1={0} x2={WIDTH} y1={0} y2={0} className="grid" />
        <line x1={0} x2={WIDTH} y1={HEIGHT / 2} y2={HEIGHT / 2} className="grid" />
        {shown.map((bar) => (
          <rect key={bar.label + bar.x} x={bar.x} y={bar.y} width={bar.width} height={bar.height} className={`bar bar-${tone}`} data-testid="chart-bar" data-value={bar.value ?? ''}>
            <title>{`${bar.label}: ${duration(bar.value)}`}</title>
          </rect>
        ))}
        {days.length > 0 && (
          <>
            <text x={0} y={HEIGHT + 16} className="tick">
              {dayLabel(days[0]?.date ?? '')}
            </text>
            <text x={WIDTH} y={HEIGHT + 16} textAnchor="end" className="tick">
              {dayLabel(days[days.length - 1]?.date ?? '')}
            </text>
          </>
        )}
      </svg>
      {!any && <p className="muted chart-empty">No tickets answered in these days yet.</p>}
    </figure>
  );
}
