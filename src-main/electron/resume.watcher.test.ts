import { describe, expect, it } from 'vitest';
import { ONLINE_POLL_MS, watchResume, type ResumeReason } from './resume.watcher';

function setup(initiallyOnline = true) {
  const state = { online: initiallyOnline, tick: null as (() => void) | null, wake: null as (() => void) | null, pollMs: 0, stopped: [] as string[] };
  const calls: ResumeReason[] = [];
  const pending: (() => void)[] = [];
  const logged: string[] = [];
  let fail = false;
  const watcher = watchResume({
    onSystemResume: (listener) => {
      state.wake = listener;
      return () => state.stopped.push('resume');
    },
    isOnline: () => state.online,
    every: (ms, tick) => {
      state.pollMs = ms;
      state.tick = tick;
      return () => state.stopped.push('poll');
    },
    resume: (reason) => {
      calls.push(reason);
      return new Promise<void>((resolve, reject) => pending.push(() => (fail ? reject(new Error('offline')) : resolve())));
    },
    log: (message) => logged.push(message),
  });
  const finish = async () => {
    pending.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { state, calls, finish, watcher, logged, failNext: () => (fail = true) };
}

describe('watchResume', () => {
  it('resumes after the computer wakes', () => {
    const { state, calls } = setup();
    state.wake?.();
    expect(calls).toEqual(['system-resume']);
  });

  it('resumes when the network comes back, not while it stays up or down', () => {
    const { state, calls } = setup(true);
    expect(state.pollMs).toBe(ONLINE_POLL_MS);
    state.tick?.();
    state.online = false;
    state.tick?.();
    state.tick?.();
    expect(calls).toEqual([]);
    state.online = true;
    state.tick?.();
    state.tick?.();
    expect(calls).toEqual(['back-online']);
  });

  it('runs one resume at a time, and once more if woken meanwhile', async () => {
    const { state, calls, finish } = setup(false);
    state.wake?.();
    state.online = true;
    state.tick?.();
    state.wake?.();
    expect(calls).toEqual(['system-resume']);
    await finish();
    expect(calls).toEqual(['system-resume', 'system-resume']);
    await finish();
    expect(calls).toHaveLength(2);
  });

  it('logs a failed resume and keeps watching', async () => {
    const { state, calls, finish, logged, failNext } = setup();
    failNext();
    state.wake?.();
    await finish();
    expect(logged).toEqual(['resume after system-resume failed']);
    state.wake?.();
    expect(calls).toHaveLength(2);
  });

  it('stops listening and polling on dispose', () => {
    const { state, calls, watcher } = setup();
    watcher.dispose();
    state.wake?.();
    expect(calls).toEqual([]);
    expect(state.stopped.sort()).toEqual(['poll', 'resume']);
  });
});
