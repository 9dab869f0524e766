// The permission rules of every workspace database, as the `_design/topicdesk` design document
// whose validate_doc_update both our embedded server and Apache CouchDB run on each write.
// Pure. The function is self-contained ES5 source (CouchDB evaluates it in its own JS engine);
// the data it checks against (roles, status workflow, per-collection rules) is embedded as JSON
// built from the TypeScript tables here and in the core, so the two cannot drift apart.
import { memberWritableConfigKinds } from '../src-main/core/db/schemas/config.schema';
import { statusTransitions } from '../src-main/core/rules/status.transitions';
import { AGENT_USER_PATTERN, agentSelfServiceFields } from './agent.identity';
import type { WorkspaceCollection } from './workspace.databases';

export const DESIGN_DOC_ID = '_design/topicdesk';

/** Bump when the function's logic changes without its embedded data changing. */
export const RULES_VERSION = 1;

export interface CollectionRules {
  /** Only leads and admins create, change or delete documents (agents: see agentSelfService). */
  leadOnly: boolean;
  /** Deleting (`_deleted: true`) is refused for everyone; the reason says what to do instead. */
  undeletable: string | null;
  /** Documents never change once written (a write of identical content is allowed). */
  appendOnly: boolean;
  /** `status` moves only along the ticket workflow. */
  ticketStatus: boolean;
  /** A message's kind is fixed; a customer message's text changes only with a later `editedAt`. */
  messageEdits: boolean;
  /** An agent may change the self-service fields of their own agent document. */
  agentSelfService: boolean;
  /** Lead-only, except documents of these `kind`s (which keep their kind), which any member writes. */
  memberKinds: readonly string[];
}

const none: CollectionRules = {
  leadOnly: false,
  undeletable: null,
  appendOnly: false,
  ticketStatus: false,
  messageEdits: false,
  agentSelfService: false,
  memberKinds: [],
};

export const collectionRules: Readonly<Record<WorkspaceCollection, CollectionRules>> = {
  tickets: { ...none, undeletable: 'Tickets are never deleted: close them instead.', ticketStatus: true },
  messages: {
    ...none,
    undeletable: 'Messages are never deleted: mark them deleted (the `deleted` field) instead.',
    messageEdits: true,
  },
  events: { ...none, undeletable: 'Events are an append-only log and are never deleted.', appendOnly: true },
  agents: { ...none, leadOnly: true, agentSelfService: true },
  // Templates, SLA policies, calendars, escalation and routing rules are the leads'; the
  // round-robin cursors are written by every agent's app.
  config: { ...none, leadOnly: true, memberKinds: memberWritableConfigKinds },
};

/** The roles the rules know; `_admin` (CouchDB server admin) counts as admin. */
export const memberRoles = ['agent', 'lead', 'admin'] as const;
export type MemberRole = (typeof memberRoles)[number];

export function isMemberRole(value: string): value is MemberRole {
  return (memberRoles as readonly string[]).includes(value);
}

/** Everything the validate function reads, as one JSON value. */
export function embeddedRules(collection: WorkspaceCollection) {
  return {
    collection,
    ...collectionRules[collection],
    statusTransitions,
    agentSelfServiceFields,
    agentUserPattern: AGENT_USER_PATTERN,
    agentDocPrefix: 'agent:',
    rulesVersion: RULES_VERSION,
  };
}

// ES5 only: no let/const, arrows, template strings, classes or Array.prototype.includes.
const FUNCTION_BODY = String.raw`
  var RULES = __RULES__;

  function forbid(reason) {
    throw({ forbidden: reason });
  }
  function has(obj, key) {
    return Object.prototype.hasOwnProperty.call(obj, key);
  }
  function isArr(value) {
    return Object.prototype.toString.call(value) === '[object Array]';
  }
  function hasRole(role) {
    return !!userCtx && isArr(userCtx.roles) && userCtx.roles.indexOf(role) !== -1;
  }
  // Revision bookkeeping and the deletion flag are not content.
  function bookkeeping(key) {
    return key === '_rev' || key === '_revisions' || key === '_deleted' || key === '_conflicts';
  }
  function same(a, b) {
    var i;
    if (a === b) return true;
    if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
    if (isArr(a) !== isArr(b)) return false;
    if (isArr(a)) {
      if (a.length !== b.length) return false;
      for (i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
      return true;
    }
    return sameFields(a, b, null);
  }
  // Deep equality; at the top level (ignored !== null) skips bookkeeping and the ignored keys.
  function sameFields(a, b, ignored) {
    var key;
    function skip(k) {
      return ignored !== null && (bookkeeping(k) || ignored.indexOf(k) !== -1);
    }
    for (key in a) {
      if (has(a, key) && !skip(key) && (!has(b, key) || !same(a[key], b[key]))) return false;
    }
    for (key in b) {
      if (has(b, key) && !skip(key) && !has(a, key)) return false;
    }
    return true;
  }
  function ownAgentDoc() {
    var match = new RegExp(RULES.agentUserPattern).exec((userCtx && userCtx.name) || '');
    return !!match && newDoc._id === RULES.agentDocPrefix + match[1];
  }

  // Design documents are guarded by database security (admins only), not by these rules.
  if (String(newDoc._id).indexOf('_design/') === 0) return;

  var isAdmin = hasRole('_admin') || hasRole('admin');
  var isLead = isAdmin || hasRole('lead');
  var isAgent = isLead || hasRole('agent');
  if (!isAgent) forbid('Only Topicdesk agents, leads and admins may write to ' + RULES.collection + '.');

  var old = oldDoc && !oldDoc._deleted ? oldDoc : null;
  var deleting = newDoc._deleted === true;

  if (deleting && RULES.undeletable) forbid(RULES.undeletable);

  function memberKind() {
    return typeof newDoc.kind === 'string' && RULES.memberKinds.indexOf(newDoc.kind) >= 0 &&
      (old === null || old.kind === newDoc.kind);
  }

  if (RULES.leadOnly && !isLead && !memberKind()) {
    var selfService = RULES.agentSelfService && old !== null && !deleting && ownAgentDoc() &&
      sameFields(old, newDoc, RULES.agentSelfServiceFields);
    if (!selfService) {
      forbid(RULES.agentSelfService
        ? 'Only leads and admins may change agents; an agent may change only the availability of their own agent document.'
        : 'Only leads and admins may change ' + RULES.collection + '.');
    }
  }
  if (deleting) return;

  if (RULES.appendOnly && old !== null && !sameFields(old, newDoc, [])) {
    forbid('Events are append-only: ' + newDoc._id + ' already exists with other content.');
  }

  if (RULES.ticketStatus) {
    if (typeof newDoc.status !== 'string' || !has(RULES.statusTransitions, newDoc.status)) {
      forbid('Unknown ticket status: ' + newDoc.status + '.');
    }
    if (old !== null && old.status !== newDoc.status) {
      var allowed = has(RULES.statusTransitions, old.status) ? RULES.statusTransitions[old.status] : [];
      if (allowed.indexOf(newDoc.status) === -1) {
        forbid('A ticket cannot move from ' + old.status + ' to ' + newDoc.status + '; allowed next: ' +
          (allowed.length ? allowed.join(', ') : 'none') + '.');
      }
    }
  }

  if (RULES.messageEdits && old !== null) {
    if (newDoc.kind !== old.kind) forbid('A message keeps its kind (' + old.kind + ').');
    if (old.kind === 'customer' && newDoc.text !== old.text) {
      var before = typeof old.editedAt === 'number' ? old.editedAt : null;
      var editedLater = typeof newDoc.editedAt === 'number' && (before === null || newDoc.editedAt > before);
      if (!editedLater) {
        forbid('A customer message\'s text changes only with the customer\'s edit: editedAt must move forward.');
      }
    }
  }
`;

/** The validate_doc_update source for one collection's database. */
export function validateDocUpdateSource(collection: WorkspaceCollection): string {
  const rules = JSON.stringify(embeddedRules(collection));
  return `function (newDoc, oldDoc, userCtx, secObj) {${FUNCTION_BODY.replace('__RULES__', () => rules)}}`;
}

export interface PermissionsDesignDoc {
  _id: typeof DESIGN_DOC_ID;
  language: 'javascript';
  validate_doc_update: string;
  topicdesk: { collection: WorkspaceCollection; rulesVersion: number };
}

/** The whole design document (without `_rev`) that setup and on-demand creation install. */
export function permissionsDesignDoc(collection: WorkspaceCollection): PermissionsDesignDoc {
  return {
    _id: DESIGN_DOC_ID,
    language: 'javascript',
    validate_doc_update: validateDocUpdateSource(collection),
    topicdesk: { collection, rulesVersion: RULES_VERSION },
  };
}
