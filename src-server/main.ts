// Entry point of `npm run sync-server -- ...` (tsx, Node): reads the command line and runs the
// command: serve, manage users, or set up a workspace on Apache CouchDB.
import { resolve } from 'node:path';
import { adminFilePath } from './admin.credentials';
import { parseCliCommand, usage, UsageError, type CliCommand, type UsersTarget } from './cli.commands';
import { createCouchDbClient, type CouchDbClient } from './couchdb.client';
import { setupCouchDb } from './setup-couchdb';
import { startSyncServer } from './sync.server';
import { listUsers, putUser, removeUser } from './users';

async function serve(command: Extract<CliCommand, { kind: 'serve' }>): Promise<void> {
  const server = await startSyncServer({
    port: command.port,
    host: command.host,
    dataDir: command.dataDir,
    ...(command.admin ? { admin: command.admin } : {}),
  });
  const port = new URL(server.url).port;
  const listening = command.host === '127.0.0.1' ? server.url : `http://${command.host}:${port}/ (locally ${server.url})`;
  console.log(`Topicdesk sync server on ${listening} (data: ${resolve(command.dataDir)})`);
  if (server.admin.source === 'generated') {
    console.log(`Generated the admin account; it is shown only this once and kept in ${adminFilePath(resolve(command.dataDir))}:`);
    console.log(`  user ${server.admin.name}  password ${server.admin.password}`);
  } else if (server.admin.source === 'stored') {
    console.log(`Admin: ${server.admin.name} (password in ${adminFilePath(resolve(command.dataDir))})`);
  } else {
    console.log(`Admin: ${server.admin.name} (from --admin)`);
  }
  console.log(`Apps replicate to ${server.url}td-<workspace>-<collection>/ with their own user (see "users add").`);
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** Runs `work` against the target: a URL directly, or a data dir through a private in-process
 *  server on a loopback port (the same HTTP path, so the same rules apply). */
async function withUsersClient<T>(target: UsersTarget, work: (client: CouchDbClient) => Promise<T>): Promise<T> {
  if (target.kind === 'url') return work(createCouchDbClient({ url: target.url }));
  const server = await startSyncServer({ port: 0, dataDir: target.dataDir, ...(target.admin ? { admin: target.admin } : {}) });
  try {
    return await work(createCouchDbClient({ url: server.url, username: server.admin.name, password: server.admin.password }));
  } finally {
    await server.close();
  }
}

async function run(command: CliCommand): Promise<void> {
  switch (command.kind) {
    case 'help':
      console.log(usage);
      return;
    case 'serve':
      return serve(command);
    case 'users-add': {
      const { created } = await withUsersClient(command.target, (client) =>
        putUser(client, { name: command.name, password: command.password, roles: command.roles }),
      );
      console.log(`${created ? 'Added' : 'Updated'} ${command.name} (${command.roles.join(', ')}).`);
      return;
    }
    case 'users-list': {
      const users = await withUsersClient(command.target, listUsers);
      if (users.length === 0) console.log('No users yet.');
      for (const user of users) {
        console.log(`${user.name}\t${user.roles.join(',')}${user.tgUserId ? `\tagent:${user.tgUserId}` : ''}`);
      }
      return;
    }
    case 'users-remove': {
      const removed = await withUsersClient(command.target, (client) => removeUser(client, command.name));
      console.log(removed ? `Removed ${command.name}.` : `No user ${command.name}.`);
      return;
    }
    case 'setup': {
      const report = await setupCouchDb(createCouchDbClient({ url: command.url }), command.workspaces);
      console.log(`${report.server}: _users ${report.usersDbCreated ? 'created' : 'present'}`);
      for (const db of report.databases) {
        const changes = [db.created && 'created', db.securityUpdated && 'security set', db.designUpdated && 'rules installed'].filter(Boolean);
        console.log(`  ${db.db}: ${changes.length ? changes.join(', ') : 'up to date'}`);
      }
      return;
    }
  }
}

let command: CliCommand;
try {
  command = parseCliCommand(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`${error.message}\n\n${usage}`);
  process.exit(2);
}
run(command).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
