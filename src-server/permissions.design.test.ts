// The validate_doc_update rules, evaluated exactly as the servers evaluate them (from source):
// roles per collection, the whole status workflow, append-only events, message edits, agent
// self-service; and a check that the source stays ES5 for CouchDB's JavaScript engine.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { canTransition } from '../src-main/core/rules/status.transitions';
import { ticketStatuses } from '../src-preload/contract';
import { collectionRules, permissionsDesignDoc, validateDocUpdateSource } from './permissions.design';
import { compileValidateFunction } from './validation.wrapper';
import { workspaceCollections, type WorkspaceCollection } from './workspace.databases';

type Doc = Record<string, unknown> & { _id: string };

function verdict(collection: WorkspaceCollection, newDoc: Doc, oldDoc: Doc | null, roles: string[], name: string | null = 'tg1'): string {
  const validate = compileValidateFunction(validateDocUpdateSource(collection));
  try {
    validate(newDoc, oldDoc, { name, roles }, {});
    return 'ok';
  } catch (thrown) {
    if (typeof thrown === 'object' && thrown !== null && 'forbidden' in thrown) return `forbidden: ${String(thrown.forbidden)}`;
    throw thrown;
  }
}
const ok = (result: string) => expect(result).toBe('ok');
const forbidden = (result: string, reason?: string) => expect(result).toMatch(new RegExp(`^forbidden: .*${reason ?? ''}`));

const leadOnly = workspaceCollections.filter((collection) => collectionRules[collection].leadOnly);
const ticket = (status: string): Doc => ({ _id: 'tg:1:2', subject: 's', status, priority: 'normal' });

describe('who may write', () => {
  it('refuses users without a Topicdesk role in every collection', () => {
    for (const collection of workspaceCollections) {
      forbidden(verdict(collection, { _id: 'x', status: 'open' }, null, []), 'agents, leads and admins');
      forbidden(verdict(collection, { _id: 'x', status: 'open' }, null, ['guest']));
    }
  });

  it('leaves design documents to database security', () => {
    ok(verdict('tickets', { _id: '_design/topicdesk', validate_doc_update: '' }, null, []));
  });

  it('lets only leads and admins create, change or delete in the lead-only collections', () => {
    expect(leadOnly.sort()).toEqual(['agents', 'config']);
    const before: Doc = { _id: 'doc-1', _rev: '1-a', title: 'Old' };
    const after: Doc = { _id: 'doc-1', _rev: '1-a', title: 'New' };
    const gone: Doc = { _id: 'doc-1', _rev: '1-a', _deleted: true };
    for (const collection of leadOnly) {
      forbidden(verdict(collection, after, null, ['agent']), 'leads and admins');
      forbidden(verdict(collection, after, before, ['agent']));
      forbidden(verdict(collection, gone, before, ['agent']));
      for (const roles of [['lead'], ['admin'], ['_admin'], ['agent', 'lead']]) {
        ok(verdict(collection, after, null, roles));
        ok(verdict(collection, after, before, roles));
        ok(verdict(collection, gone, before, roles));
      }
    }
  });

  it('lets agents write round-robin cursors in config, but no other kind, and not turn one into another', () => {
    const cursor: Doc = { _id: 'cursor:rule-1', kind: 'cursor', data: { last: 'agent:1' } };
    ok(verdict('config', cursor, null, ['agent']));
    ok(verdict('config', { ...cursor, data: { last: 'agent:2' } }, { ...cursor, _rev: '1-a' }, ['agent']));
    forbidden(verdict('config', { _id: 'routingrule:r1', kind: 'routingrule', data: {} }, null, ['agent']), 'leads and admins');
    forbidden(verdict('config', { ...cursor, kind: 'routingrule' }, { ...cursor, _rev: '1-a' }, ['agent']));
    forbidden(verdict('config', { _id: 'routingrule:r1', kind: 'cursor', data: {} }, { _id: 'routingrule:r1', _rev: '1-a', kind: 'routingrule' }, ['agent']));
  });

  it('lets agents write tickets, messages and events', () => {
    ok(verdict('tickets', ticket('open'), null, ['agent']));
    ok(verdict('messages', { _id: 'm', kind: 'agent', text: 'hi' }, null, ['agent']));
    ok(verdict('events', { _id: 'e', type: 'ticket.created' }, null, ['agent']));
  });
});

describe('agents may set their own availability', () => {
  const mine: Doc = { _id: 'agent:77', _rev: '1-a', tgUserId: '77', name: 'Ann', role: 'agent', capacity: 5, availability: 'online', updatedAt: 1 };

  it('accepts a change of availability (and updatedAt) by the agent the document belongs to', () => {
    ok(verdict('agents', { ...mine, availability: 'away', updatedAt: 2 }, mine, ['agent'], 'tg77'));
    ok(verdict('agents', { ...mine, availability: 'busy', _revisions: { start: 1, ids: ['a'] } }, mine, ['agent'], 'tg77'));
  });

  it('refuses anything else', () => {
    forbidden(verdict('agents', { ...mine, availability: 'away' }, mine, ['agent'], 'tg78'), 'own agent document');
    forbidden(verdict('agents', { ...mine, availability: 'away' }, mine, ['agent'], 'alice'));
    forbidden(verdict('agents', { ...mine, availability: 'away', capacity: 50 }, mine, ['agent'], 'tg77'));
    forbidden(verdict('agents', { ...mine, role: 'lead' }, mine, ['agent'], 'tg77'));
    forbidden(verdict('agents', mine, null, ['agent'], 'tg77'));
    forbidden(verdict('agents', { ...mine, _deleted: true }, mine, ['agent'], 'tg77'));
    forbidden(verdict('agents', { ...mine, availability: 'away' }, { ...mine, _deleted: true }, ['agent'], 'tg77'));
  });
});

describe('tickets', () => {
  it('moves status only along the workflow, for every pair of statuses and every role', () => {
    for (const from of ticketStatuses) {
      for (const to of ticketStatuses) {
        for (const roles of [['agent'], ['admin']]) {
          const result = verdict('tickets', { ...ticket(to), _rev: '1-a' }, { ...ticket(from), _rev: '1-a' }, roles);
          if (canTransition(from, to)) ok(result);
          else forbidden(result, `cannot move from ${from} to ${to}`);
        }
      }
    }
  });

  it('accepts a new ticket in any known status, and a deleted one as new', () => {
    for (const status of ticketStatuses) ok(verdict('tickets', ticket(status), null, ['agent']));
    ok(verdict('tickets', ticket('closed'), { ...ticket('open'), _deleted: true }, ['agent']));
    forbidden(verdict('tickets', ticket('archived'), null, ['agent']), 'Unknown ticket status');
    forbidden(verdict('tickets', { _id: 'tg:1:3', subject: 'no status' }, null, ['agent']), 'Unknown ticket status');
  });

  it('never deletes tickets, messages or events, not even for admins', () => {
    for (const collection of ['tickets', 'messages', 'events'] as const) {
      for (const roles of [['agent'], ['lead'], ['admin'], ['_admin']]) {
        forbidden(verdict(collection, { _id: 'x', _rev: '1-a', _deleted: true }, { _id: 'x', _rev: '1-a', status: 'open' }, roles), 'never deleted');
      }
    }
  });
});

describe('events', () => {
  const event: Doc = { _id: 'esc:tg:1:2:1', type: 'ticket.status_changed', ticketId: 'tg:1:2', at: 5, data: { to: 'resolved', n: [1, 2] } };

  it('accepts the first write and an identical rewrite', () => {
    ok(verdict('events', event, null, ['agent']));
    ok(verdict('events', { ...event, _rev: '1-b', _revisions: { start: 1, ids: ['b'] }, _deleted: false }, { ...event, _rev: '1-a' }, ['agent']));
  });

  it('refuses any change to an existing event', () => {
    forbidden(verdict('events', { ...event, at: 6 }, event, ['admin']), 'append-only');
    forbidden(verdict('events', { ...event, data: { to: 'resolved', n: [1, 3] } }, event, ['agent']), 'append-only');
    forbidden(verdict('events', { ...event, extra: true }, event, ['agent']), 'append-only');
    const { data: _, ...withoutData } = event;
    forbidden(verdict('events', withoutData as Doc, event, ['agent']), 'append-only');
  });
});

describe('messages', () => {
  const customer: Doc = { _id: 'tg:1:9', ticketId: 'tg:1:2', kind: 'customer', text: 'hello', editedAt: null, deleted: false };

  it('changes a customer message’s text only with a later editedAt', () => {
    forbidden(verdict('messages', { ...customer, text: 'hello!' }, customer, ['agent']), 'editedAt must move forward');
    ok(verdict('messages', { ...customer, text: 'hello!', editedAt: 10 }, customer, ['agent']));
    const edited = { ...customer, text: 'hello!', editedAt: 10 };
    forbidden(verdict('messages', { ...edited, text: 'hi', editedAt: 10 }, edited, ['agent']));
    forbidden(verdict('messages', { ...edited, text: 'hi', editedAt: 9 }, edited, ['lead']));
    ok(verdict('messages', { ...edited, text: 'hi', editedAt: 11 }, edited, ['agent']));
    ok(verdict('messages', { ...customer, deleted: true }, customer, ['agent']));
  });

  it('keeps a message’s kind and lets agents edit their own kinds of message', () => {
    forbidden(verdict('messages', { ...customer, kind: 'agent' }, customer, ['agent']), 'keeps its kind');
    const reply: Doc = { ...customer, _id: 'local:1', kind: 'agent', text: 'draft' };
    ok(verdict('messages', { ...reply, text: 'final' }, reply, ['agent']));
  });
});

describe('the design document', () => {
  it('embeds the status workflow and the collection it guards', () => {
    const doc = permissionsDesignDoc('tickets');
    expect(doc._id).toBe('_design/topicdesk');
    expect(doc.validate_doc_update).toContain('"closed":["open"]');
    expect(doc.topicdesk.collection).toBe('tickets');
    expect(permissionsDesignDoc('events').validate_doc_update).not.toBe(doc.validate_doc_update);
  });

  it('is ES5, so Apache CouchDB’s JavaScript engine runs it', () => {
    const es2015 = new Set([
      ts.SyntaxKind.ArrowFunction,
      ts.SyntaxKind.TemplateExpression,
      ts.SyntaxKind.NoSubstitutionTemplateLiteral,
      ts.SyntaxKind.ClassDeclaration,
      ts.SyntaxKind.ClassExpression,
      ts.SyntaxKind.SpreadElement,
      ts.SyntaxKind.SpreadAssignment,
      ts.SyntaxKind.ForOfStatement,
      ts.SyntaxKind.ObjectBindingPattern,
      ts.SyntaxKind.ArrayBindingPattern,
      ts.SyntaxKind.ShorthandPropertyAssignment,
      ts.SyntaxKind.AwaitExpression,
      ts.SyntaxKind.YieldExpression,
    ]);
    for (const collection of workspaceCollections) {
      const source = ts.createSourceFile('vdu.js', `(${validateDocUpdateSource(collection)})`, ts.ScriptTarget.ES5, true, ts.ScriptKind.JS);
      const found: string[] = [];
      const visit = (node: ts.Node): void => {
        if (es2015.has(node.kind)) found.push(ts.SyntaxKind[node.kind]);
        if (ts.isVariableDeclarationList(node) && node.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) found.push('let/const');
        if (ts.isParameter(node) && node.initializer) found.push('default parameter');
        if (ts.isPropertyAccessExpression(node) && ['includes', 'startsWith', 'endsWith', 'find', 'assign'].includes(node.name.text)) {
          found.push(`.${node.name.text}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
      expect((source as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics, collection).toEqual([]);
      expect(found, collection).toEqual([]);
    }
  });
});
