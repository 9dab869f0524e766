// Tests for the cleanup registry: newest first, every task runs once even when one fails, dropped tasks do not run.
import { describe, expect, it, vi } from 'vitest';
import { CleanupRegistry } from './cleanup.registry';

describe('CleanupRegistry', () => {
  it('runs tasks newest first, once, and carries on past a failing one', async () => {
    const registry = new CleanupRegistry();
    const order: string[] = [];
    registry.add(() => void order.push('temp dir'));
    registry.add(() => {
      throw new Error('boom');
    });
    registry.add(async () => void order.push('core'));
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    await Promise.all([registry.runAll(), registry.runAll()]);
    quiet.mockRestore();
    expect(order).toEqual(['core', 'temp dir']);
    expect(registry.size).toBe(0);
  });

  it('forgets a task once it was undone by hand', async () => {
    const registry = new CleanupRegistry();
    const task = vi.fn();
    const forget = registry.add(task);
    forget();
    await registry.runAll();
    expect(task).not.toHaveBeenCalled();
  });
});
