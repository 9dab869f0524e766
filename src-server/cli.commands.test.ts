// Every form of the sync server's command line, and the mistakes it refuses.
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR, parseCliCommand, UsageError } from './cli.commands';

describe('parseCliCommand', () => {
  it('serves with defaults, or with the given port, host, data dir and admin', () => {
    expect(parseCliCommand([])).toEqual({ kind: 'serve', port: 5984, host: '127.0.0.1', dataDir: DEFAULT_DATA_DIR, admin: null });
    expect(parseCliCommand(['--port', '0', '--host', '0.0.0.0', '--data', '/srv/td', '--admin', 'root:pa:ss'])).toEqual({
      kind: 'serve',
      port: 0,
      host: '0.0.0.0',
      dataDir: '/srv/td',
      admin: { name: 'root', password: 'pa:ss' },
    });
    expect(parseCliCommand(['serve', '--port', '6000'])).toMatchObject({ kind: 'serve', port: 6000 });
  });

  it('reads user management against a data dir or a URL', () => {
    expect(parseCliCommand(['users', 'add', 'tg42', '--password', 'secret-1', '--role', 'agent', '--role', 'lead', '--data', 'd'])).toEqual({
      kind: 'users-add',
      target: { kind: 'data', dataDir: 'd', admin: null },
      name: 'tg42',
      password: 'secret-1',
      roles: ['agent', 'lead'],
    });
    expect(parseCliCommand(['users', 'add', 'lena', '--password', 'p', '--role', 'lead,admin', '--url', 'http://a:b@127.0.0.1:5984'])).toMatchObject({
      target: { kind: 'url', url: 'http://a:b@127.0.0.1:5984' },
      roles: ['lead', 'admin'],
    });
    expect(parseCliCommand(['users', 'list'])).toEqual({ kind: 'users-list', target: { kind: 'data', dataDir: DEFAULT_DATA_DIR, admin: null } });
    expect(parseCliCommand(['users', 'remove', 'tg42', '--data', 'd', '--admin', 'a:b'])).toEqual({
      kind: 'users-remove',
      target: { kind: 'data', dataDir: 'd', admin: { name: 'a', password: 'b' } },
      name: 'tg42',
    });
  });

  it('reads setup with one or more workspaces', () => {
    expect(parseCliCommand(['setup', '--url', 'https://admin:pw@couch.example:5984', '--workspace', 'acme', '--workspace', 'beta-2'])).toEqual({
      kind: 'setup',
      url: 'https://admin:pw@couch.example:5984',
      workspaces: ['acme', 'beta-2'],
    });
  });

  it('answers help', () => {
    expect(parseCliCommand(['--help'])).toEqual({ kind: 'help' });
    expect(parseCliCommand(['help'])).toEqual({ kind: 'help' });
  });

  it('refuses mistakes with a usage error', () => {
    const bad = [
      ['--port', 'x'],
      ['--port', '70000'],
      ['--admin', 'nopassword'],
      ['--nonsense'],
      ['serve', 'extra'],
      ['users'],
      ['users', 'add', '--password', 'p', '--role', 'agent'],
      ['users', 'add', 'tg1', '--role', 'agent'],
      ['users', 'add', 'tg1', '--password', 'p'],
      ['users', 'add', 'tg1', '--password', 'p', '--role', 'boss'],
      ['users', 'list', '--url', 'http://x', '--data', 'd'],
      ['users', 'list', '--url', 'ftp://x'],
      ['users', 'list', '--url', 'http://x', '--admin', 'a:b'],
      ['users', 'list', '--port', '1'],
      ['setup', '--workspace', 'acme'],
      ['setup', '--url', 'http://a:b@x'],
      ['setup', '--url', 'http://a:b@x', '--workspace', 'Acme'],
      ['frobnicate'],
    ];
    for (const argv of bad) expect(() => parseCliCommand(argv), argv.join(' ')).toThrow(UsageError);
  });
});
