// Server URLs with credentials (which Node's fetch refuses) and document paths.
import { describe, expect, it } from 'vitest';
import { basicAuthorization, docPath, parseCouchUrl } from './couchdb.client';

describe('parseCouchUrl', () => {
  it('splits decoded credentials from the base URL, keeping a path prefix', () => {
    expect(parseCouchUrl('https://ad%40min:p%3Ass@couch.example:6984/couch?x=1')).toEqual({
      baseUrl: 'https://couch.example:6984/couch/',
      username: 'ad@min',
      password: 'p:ss',
    });
    expect(parseCouchUrl('http://127.0.0.1:5984')).toEqual({ baseUrl: 'http://127.0.0.1:5984/', username: null, password: null });
  });

  it('refuses what is not an http(s) URL', () => {
    expect(() => parseCouchUrl('couch.example:5984')).toThrow();
    expect(() => parseCouchUrl('ftp://couch.example')).toThrow(/http/);
  });
});

describe('paths and headers', () => {
  it('encodes document ids but keeps _design/ and _local/ readable', () => {
    expect(docPath('td-acme-tickets', 'tg:1:2')).toBe('td-acme-tickets/tg%3A1%3A2');
    expect(docPath('td-acme-tickets', '_design/topicdesk')).toBe('td-acme-tickets/_design/topicdesk');
    expect(docPath('_users', 'org.couchdb.user:a/b')).toBe('_users/org.couchdb.user%3Aa%2Fb');
  });

  it('builds Basic authorization in UTF-8', () => {
    expect(basicAuthorization('tg1', 'pässword')).toBe(`Basic ${Buffer.from('tg1:pässword').toString('base64')}`);
  });
});
