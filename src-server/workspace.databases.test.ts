// Workspace database names, and the on-demand middleware's once-per-database setup.
import type { Request, Response } from 'express';
import { describe, expect, it, vi } from 'vitest';
import {
  createOnDemandDatabases,
  parseWorkspaceDatabaseName,
  workspaceCollections,
  workspaceDatabaseName,
  workspaceDatabaseNames,
} from './workspace.databases';

describe('workspace database names', () => {
  it('names one database per collection, and reads the names back', () => {
    expect(workspaceDatabaseName('acme', 'tickets')).toBe('td-acme-tickets');
    expect(workspaceDatabaseNames('acme-2')).toHaveLength(workspaceCollections.length);
    for (const collection of workspaceCollections) {
      expect(parseWorkspaceDatabaseName(workspaceDatabaseName('my-shop', collection))).toEqual({ workspace: 'my-shop', collection });
    }
  });

  it('refuses anything else', () => {
    for (const name of ['td-acme', 'td--tickets', 'td-Acme-tickets', 'td-acme-secrets', 'xx-acme-tickets', 'td-acme-tickets2', '_users']) {
      expect(parseWorkspaceDatabaseName(name), name).toBeNull();
    }
    expect(() => workspaceDatabaseName('Acme', 'tickets')).toThrow(/slug/);
    expect(() => workspaceDatabaseName('-acme', 'tickets')).toThrow(/slug/);
  });
});

describe('createOnDemandDatabases', () => {
  const request = (path: string) => ({ path }) as Request;
  const response = () => {
    const res = { status: vi.fn(), json: vi.fn() };
    res.status.mockReturnValue(res);
    return res as unknown as Response & typeof res;
  };
  const run = (handler: ReturnType<typeof createOnDemandDatabases>, path: string, res = response()) =>
    new Promise<string>((resolve) => {
      handler(request(path), res, () => resolve('next'));
      res.json.mockImplementation(() => {
        resolve('answered');
        return res;
      });
    });

  it('prepares each workspace database once, sharing the setup between concurrent first requests', async () => {
    let finish = () => undefined as void;
    const ensure = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const handler = createOnDemandDatabases({ ensure, mayCreate: () => true });
    const first = run(handler, '/td-acme-tickets/_changes');
    const second = run(handler, '/td-acme-tickets');
    finish();
    expect(await Promise.all([first, second])).toEqual(['next', 'next']);
    expect(await run(handler, '/td-acme-tickets/x')).toBe('next');
    expect(ensure).toHaveBeenCalledTimes(1);
    expect(ensure).toHaveBeenCalledWith('td-acme-tickets');
  });

  it('leaves other paths and users alone, and retries after a failed setup', async () => {
    const ensure = vi.fn().mockRejectedValueOnce(new Error('disk full')).mockResolvedValue(undefined);
    const onError = vi.fn();
    const handler = createOnDemandDatabases({ ensure, mayCreate: (req) => req.path !== '/td-acme-agents', onError });
    expect(await run(handler, '/_session')).toBe('next');
    expect(await run(handler, '/td-acme-agents')).toBe('next');
    expect(ensure).not.toHaveBeenCalled();

    const res = response();
    expect(await run(handler, '/td-acme-events', res)).toBe('answered');
    expect(res.status).toHaveBeenCalledWith(503);
    expect(onError).toHaveBeenCalledWith('td-acme-events', expect.any(Error));
    expect(await run(handler, '/td-acme-events')).toBe('next');
    expect(ensure).toHaveBeenCalledTimes(2);
  });
});
