// Reads the sync server's command line (`npm run sync-server -- ...`) into one typed command.
// Pure, so every form is tested; main.ts carries the command out.
import { parseArgs } from 'node:util';
import { parseAdminFlag, type AdminCredentials } from './admin.credentials';
import { parseCouchUrl } from './couchdb.client';
import { isMemberRole, memberRoles, type MemberRole } from './permissions.design';
import { isWorkspaceSlug } from './workspace.databases';

export const DEFAULT_PORT = 5984;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_DATA_DIR = './.data/sync-server';

/** Where user management happens: a running server (or Apache CouchDB) by URL, or a data dir
 *  the CLI opens itself (only while no server runs on it: LevelDB allows one process). */
export type UsersTarget = { kind: 'url'; url: string } | { kind: 'data'; dataDir: string; admin: AdminCredentials | null };

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'serve'; port: number; host: string; dataDir: string; admin: AdminCredentials | null }
  | { kind: 'users-add'; target: UsersTarget; name: string; password: string; roles: MemberRole[] }
  | { kind: 'users-list'; target: UsersTarget }
  | { kind: 'users-remove'; target: UsersTarget; name: string }
  | { kind: 'setup'; url: string; workspaces: string[] };

export class UsageError extends Error {}

export const usage = `Topicdesk sync server (CouchDB-compatible)

  npm run sync-server -- [--port ${DEFAULT_PORT}] [--host ${DEFAULT_HOST}] [--data ${DEFAULT_DATA_DIR}] [--admin USER:PASS]
      Serve. Without --admin, the admin is read from DATA/admin.json (generated and printed on first start).

  npm run sync-server -- users add NAME --password P --role agent|lead|admin [--role ...] (--url URL | --data DIR [--admin USER:PASS])
  npm run sync-server -- users list (--url URL | --data DIR)
  npm run sync-server -- users remove NAME (--url URL | --data DIR)
      Manage sync users. An agent's NAME is tg<telegram user id> (e.g. tg123456789): that user may
      update the availability of agent:<id>. --url talks to a running server or Apache CouchDB
      (http://ADMIN:PASS@127.0.0.1:5984); --data opens a stopped server's data dir directly.

  npm run sync-server -- setup --url https://ADMIN:PASS@couch.example:5984 --workspace acme [--workspace ...]
      Install (or update) a workspace's databases, security and permission rules on Apache CouchDB 3
      (or on this server). Safe to re-run.
`;

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h', default: false },
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        admin: { type: 'string' },
        url: { type: 'string' },
        password: { type: 'string' },
        role: { type: 'string', multiple: true },
        workspace: { type: 'string', multiple: true },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

type Values = ReturnType<typeof parse>['values'];

function only(values: Values, allowed: readonly (keyof Values)[], command: string): void {
  for (const [key, value] of Object.entries(values)) {
    if (key === 'help' || value === undefined) continue;
    if (!(allowed as readonly string[]).includes(key)) throw new UsageError(`--${key} does not apply to "${command}".`);
  }
}

function admin(values: Values): AdminCredentials | null {
  if (values.admin === undefined) return null;
  try {
    return parseAdminFlag(values.admin);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function checkUrl(url: string, flag: string): string {
  try {
    parseCouchUrl(url);
  } catch {
    throw new UsageError(`${flag} must be an http(s) URL, not "${url}".`);
  }
  return url;
}

function usersTarget(values: Values): UsersTarget {
  if (values.url !== undefined && values.data !== undefined) throw new UsageError('Give either --url or --data, not both.');
  if (values.url !== undefined) {
    if (values.admin !== undefined) throw new UsageError('With --url, put the admin in the URL (http://ADMIN:PASS@host:port).');
    return { kind: 'url', url: checkUrl(values.url, '--url') };
  }
  return { kind: 'data', dataDir: values.data ?? DEFAULT_DATA_DIR, admin: admin(values) };
}

function oneName(positionals: string[], command: string): string {
  const [name, ...rest] = positionals;
  if (!name) throw new UsageError(`"${command}" needs a user NAME.`);
  if (rest.length) throw new UsageError(`Unexpected arguments: ${rest.join(' ')}.`);
  return name;
}

export function parseCliCommand(argv: string[]): CliCommand {
  const { values, positionals } = parse(argv);
  if (values.help || positionals[0] === 'help') return { kind: 'help' };
  const [command = 'serve', sub, ...rest] = positionals;

  if (command === 'serve') {
    if (sub !== undefined) throw new UsageError(`Unexpected argument: ${sub}.`);
    only(values, ['port', 'host', 'data', 'admin'], 'serve');
    const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, not "${values.port}".`);
    return { kind: 'serve', port, host: values.host ?? DEFAULT_HOST, dataDir: values.data ?? DEFAULT_DATA_DIR, admin: admin(values) };
  }

  if (command === 'users') {
    if (sub === 'add') {
      only(values, ['url', 'data', 'admin', 'password', 'role'], 'users add');
      const name = oneName(rest, 'users add');
      if (values.password === undefined) throw new UsageError('"users add" needs --password.');
      const roles = (values.role ?? []).flatMap((role) => role.split(',')).map((role) => role.trim());
      if (roles.length === 0) throw new UsageError(`"users add" needs --role (${memberRoles.join(', ')}).`);
      const unknown = roles.filter((role) => !isMemberRole(role));
      if (unknown.length) throw new UsageError(`Unknown role ${unknown.join(', ')} (${memberRoles.join(', ')}).`);
      return { kind: 'users-add', target: usersTarget(values), name, password: values.password, roles: roles.filter(isMemberRole) };
    }
    if (sub === 'list') {
      only(values, ['url', 'data', 'admin'], 'users list');
      if (rest.length) throw new UsageError(`Unexpected arguments: ${rest.join(' ')}.`);
      return { kind: 'users-list', target: usersTarget(values) };
    }
    if (sub === 'remove') {
      only(values, ['url', 'data', 'admin'], 'users remove');
      return { kind: 'users-remove', target: usersTarget(values), name: oneName(rest, 'users remove') };
    }
    throw new UsageError('users takes add, list or remove.');
  }

  if (command === 'setup') {
    if (sub !== undefined) throw new UsageError(`Unexpected argument: ${sub}.`);
    only(values, ['url', 'workspace'], 'setup');
    if (values.url === undefined) throw new UsageError('setup needs --url https://ADMIN:PASS@host:5984.');
    const workspaces = values.workspace ?? [];
    if (workspaces.length === 0) throw new UsageError('setup needs --workspace SLUG (repeat for several).');
    const bad = workspaces.filter((workspace) => !isWorkspaceSlug(workspace));
    if (bad.length) throw new UsageError(`Not a workspace slug (a-z, 0-9, -): ${bad.join(', ')}.`);
    return { kind: 'setup', url: checkUrl(values.url, '--url'), workspaces };
  }

  throw new UsageError(`Unknown command "${command}".`);
}
