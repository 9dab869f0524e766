// A live view recomputed from in-memory state at most once per interval however fast changes
// arrive (the first value at once, then the latest state after each quiet interval), on
// injectable timers. Main process.
import { Observable } from 'rxjs';
import type { Timers } from './timers';

export function throttledView<T>(
  changes$: Observable<unknown>,
  compute: () => T,
  options: { intervalMs: number; timers: Timers; clock: () => number },
): Observable<T> {
  return new Observable<T>((subscriber) => {
    const { intervalMs, timers, clock } = options;
    let last = -Infinity;
    let handle: unknown = null;
    let lastJson = '';
    const run = (): void => {
      handle = null;
      last = clock();
      try {
        const value = compute();
        // Identical results are not sent again: the UI re-renders only on a real change.
        const json = JSON.stringify(value);
        if (json === lastJson) return;
        lastJson = json;
        subscriber.next(value);
      } catch (error) {
        subscriber.error(error);
      }
    };
    run();
    const subscription = changes$.subscribe(() => {
      if (handle !== null) return;
      handle = timers.setTimeout(run, Math.max(0, last + intervalMs - clock()));
    });
    return () => {
      subscription.unsubscribe();
      if (handle !== null) timers.clearTimeout(handle);
    };
  });
}
