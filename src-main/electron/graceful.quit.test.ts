import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQuitSequence } from './graceful.quit';

afterEach(() => vi.useRealTimers());

function setup(dispose: () => Promise<void>) {
  const events: string[] = [];
  const sequence = createQuitSequence({
    dispose: () => {
      events.push('dispose');
      return dispose();
    },
    quit: () => events.push('quit'),
    log: (m) => events.push(`log: ${m}`),
    timeoutMs: 1000,
  });
  const beforeQuit = () => {
    let prevented = false;
    sequence.onBeforeQuit({ preventDefault: () => (prevented = true) });
    return prevented;
  };
  return { sequence, events, beforeQuit };
}

describe('createQuitSequence', () => {
  it('holds the quit until the core is closed, then quits for real', async () => {
    let finish = () => {};
    const { sequence, events, beforeQuit } = setup(() => new Promise((r) => (finish = r)));
    expect(sequence.quitting).toBe(false);
    expect(beforeQuit()).toBe(true);
    expect(sequence.quitting).toBe(true);
    expect(beforeQuit()).toBe(true); // a second Cmd+Q while closing changes nothing
    expect(events).toEqual(['dispose']);
    finish();
    await vi.waitFor(() => expect(events).toEqual(['dispose', 'quit']));
    expect(beforeQuit()).toBe(false); // the real quit passes
  });

  it('quits anyway when closing fails', async () => {
    const { events } = (() => {
      const s = setup(() => Promise.reject(new Error('disk full')));
      s.beforeQuit();
      return s;
    })();
    await vi.waitFor(() => expect(events).toEqual(['dispose', 'log: closing the core failed', 'quit']));
  });

  it('quits anyway when closing hangs', async () => {
    vi.useFakeTimers();
    const { events, beforeQuit } = setup(() => new Promise(() => {}));
    beforeQuit();
    await vi.advanceTimersByTimeAsync(999);
    expect(events).toEqual(['dispose']);
    await vi.advanceTimersByTimeAsync(1);
    expect(events).toEqual(['dispose', 'log: closing the core took too long; quitting anyway', 'quit']);
  });
});
