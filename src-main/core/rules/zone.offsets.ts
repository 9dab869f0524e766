// A time zone's UTC offset at an instant, remembered per UTC hour (pure; business-hours arithmetic).
// Asking Intl (luxon's `IANAZone.offset` formats the instant with `formatToParts`) costs
// microseconds, and the working-time arithmetic asks at least once per call: at 20,000 tickets
// that alone was 15 % of a cold start's CPU. Offsets change rarely, so one answer per hour serves
// every instant in it.
//
// Offset changes do not all fall on whole UTC hours: Lord Howe changes at 15:30 UTC (half an hour of
// DST), Adelaide at 16:30, St John's used to at 03:31 (00:01 local), and most zones' early history
// has odd-minute and odd-second offsets. So each hour is checked at both ends and, when they differ,
// the instant of the change is found once by bisection. That is exact as long as a zone changes its
// offset at most once in an hour: in the tz database (2025b, 1850–2100, every zone) the two closest
// changes of one zone are four days apart (Africa/Freetown, 1939).

const HOUR = 3_600_000;
/** Hours remembered per zone (about a year's worth); the memory is dropped and refilled past it. */
const ZONE_OFFSET_HOURS_LIMIT = 8_760;

/** One UTC hour [start, start + 1h): the offset before `changeAt`, and `after` from it on. */
interface HourOffsets {
  before: number;
  /** The first millisecond with the new offset; Infinity when the offset holds all hour. */
  changeAt: number;
  after: number;
}

export class ZoneOffsets {
  private readonly hours = new Map<number, HourOffsets>();

  /** `exact` is the uncached offset (any unit) at an epoch-ms instant. */
  constructor(
    private readonly exact: (ms: number) => number,
    private readonly limit = ZONE_OFFSET_HOURS_LIMIT,
  ) {}

  /** The offset at `ms`, as `exact` would give it. */
  at(ms: number): number {
    const hour = Math.floor(ms / HOUR);
    let known = this.hours.get(hour);
    if (!known) {
      known = this.measure(hour * HOUR);
      if (this.hours.size >= this.limit) this.hours.clear();
      this.hours.set(hour, known);
    }
    return ms < known.changeAt ? known.before : known.after;
  }

  /** Number of hours held (tests). */
  get size(): number {
    return this.hours.size;
  }

  private measure(start: number): HourOffsets {
    const before = this.exact(start);
    let hi = start + HOUR - 1;
    const after = this.exact(hi);
    if (after === before) return { before, changeAt: Infinity, after };
    let lo = start;
    while (hi - lo > 1) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (this.exact(mid) === before) lo = mid;
      else hi = mid;
    }
    return { before, changeAt: hi, after };
  }
}
