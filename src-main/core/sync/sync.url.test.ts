// Tests for the sync server address: credentials split out of the URL, the command line's
// environment fallback, database URLs and stable replication ids.
import { describe, expect, it } from 'vitest';
import {
  collectionDatabaseUrl,
  commandLineSyncCredentials,
  displayAddress,
  replicationIdentifierFor,
  splitSyncUrl,
  SyncAddressError,
  syncCredentialsFrom,
  workspaceDatabaseName,
} from './sync.url';

describe('splitSyncUrl', () => {
  it('takes user and password out of the URL and leaves a folder-like base', () => {
    expect(splitSyncUrl(' http://ann:s%40cret@127.0.0.1:5984 ')).toEqual({ url: 'http://127.0.0.1:5984/', username: 'ann', password: 's@cret' });
    expect(splitSyncUrl('https://couch.example/team?x=1#y')).toEqual({ url: 'https://couch.example/team/', username: null, password: null });
  });

  it('refuses what is not an http(s) address', () => {
    expect(() => splitSyncUrl('127.0.0.1:5984')).toThrow(SyncAddressError);
    expect(() => splitSyncUrl('ftp://host/')).toThrow(/http:\/\/ or https:\/\//);
  });
});

describe('credentials', () => {
  it('lets the form’s user and password win over the URL’s', () => {
    expect(syncCredentialsFrom({ url: 'http://u:p@h:1/', username: 'tg1', password: 'pw' })).toEqual({ url: 'http://h:1/', username: 'tg1', password: 'pw' });
    expect(syncCredentialsFrom({ url: 'http://u:p@h:1/', username: '', password: null })).toEqual({ url: 'http://h:1/', username: 'u', password: 'p' });
  });

  it('says what is missing', () => {
    expect(() => syncCredentialsFrom({ url: 'http://h:1/' })).toThrow('needs a user name');
    expect(() => syncCredentialsFrom({ url: 'http://h:1/', username: 'tg1' })).toThrow('needs the password of tg1');
  });

  it('reads the command line: URL credentials, else TOPICDESK_SYNC_USER / TOPICDESK_SYNC_PASSWORD', () => {
    const env = { TOPICDESK_SYNC_USER: 'tg2', TOPICDESK_SYNC_PASSWORD: 'from-env' };
    expect(commandLineSyncCredentials('http://tg1:from-url@127.0.0.1:5984/', env)).toEqual({
      url: 'http://127.0.0.1:5984/',
      username: 'tg1',
      password: 'from-url',
    });
    expect(commandLineSyncCredentials('http://127.0.0.1:5984/', env)).toEqual({ url: 'http://127.0.0.1:5984/', username: 'tg2', password: 'from-env' });
    expect(() => commandLineSyncCredentials('http://127.0.0.1:5984/', {})).toThrow(SyncAddressError);
  });
});

describe('databases', () => {
  it('names each collection’s database as the team server does, under the base path', () => {
    expect(workspaceDatabaseName('acme', 'tickets')).toBe('td-acme-tickets');
    expect(collectionDatabaseUrl('http://h:5984/', 'acme', 'config')).toBe('http://h:5984/td-acme-config/');
    expect(collectionDatabaseUrl('https://couch.example/team/', 'acme', 'events')).toBe('https://couch.example/team/td-acme-events/');
    expect(() => workspaceDatabaseName('Acme Corp', 'tickets')).toThrow(SyncAddressError);
  });

  it('gives a replication id that depends only on server and database, so checkpoints are found again', () => {
    const id = replicationIdentifierFor('http://h:5984/', 'acme', 'tickets');
    expect(replicationIdentifierFor('http://h:5984/', 'acme', 'tickets')).toBe(id);
    expect(replicationIdentifierFor('http://other:5984/', 'acme', 'tickets')).not.toBe(id);
    expect(replicationIdentifierFor('http://h:5984/', 'acme', 'messages')).not.toBe(id);
  });

  it('shows an address without secrets', () => {
    expect(displayAddress('http://127.0.0.1:5984/')).toBe('127.0.0.1:5984');
    expect(displayAddress('https://couch.example/team/')).toBe('couch.example/team/');
  });
});
