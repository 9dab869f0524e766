// What Settings and the order panel show about the Shopline connection (`shopline.status`), and
// a connection test said plainly. Pure; main process.
import type {
  ShoplineConnectionReport,
  ShoplineProblemKind,
  ShoplineScopes,
  ShoplineStatus,
} from '../../../src-preload/contract/shopline.contract';
import type { ShoplineConnectionReport as ClientReport, ShoplineRateState } from '../shopline/shopline.types';
import { problemText } from './shopline.problem';

export interface ConnectionFacts {
  configured: boolean;
  handle: string | null;
  apiVersion: string | null;
  demo: boolean;
  scopes: ShoplineScopes | null;
  checkedAt: number | null;
  allowWriteNotes: boolean;
  rate: ShoplineRateState;
  /** A failure that needs a person, or a note on why nothing is configured. */
  problem: { kind: ShoplineProblemKind | null; text: string } | null;
  secrets: { description: string; persistent: boolean };
}

/** Waiting out a rate limit is shown over an old error: it is what is happening now. */
export function shoplineStatus(facts: ConnectionFacts): ShoplineStatus {
  const waiting = facts.configured && facts.rate.state === 'waiting' ? facts.rate.until : null;
  const state = !facts.configured ? 'not_configured' : waiting !== null ? 'waiting' : facts.problem ? 'error' : 'ok';
  return {
    configured: facts.configured,
    handle: facts.handle,
    apiVersion: facts.apiVersion,
    demo: facts.demo,
    scopes: facts.scopes,
    checkedAt: facts.checkedAt,
    allowWriteNotes: facts.allowWriteNotes,
    state,
    waitingUntil: waiting,
    error: facts.problem?.text ?? null,
    errorKind: facts.problem?.kind ?? null,
    secretStorage: facts.secrets.description,
    secretWarning:
      facts.secrets.persistent || facts.demo
        ? null
        : 'The Shopline token is kept in memory only: you will have to connect again after a restart.',
  };
}

/** The client's test result with a sentence a person can read in Settings. */
export function connectionReport(report: ClientReport): ShoplineConnectionReport {
  const { scopes } = report;
  let summary: string;
  if (report.ok) {
    summary =
      'The token may read orders and customers, which is all Topicdesk needs. ' +
      'Writing to orders was not checked: testing it would change an order.';
  } else if (report.problem) {
    summary = problemText(report.problem.kind, report.problem.message);
  } else {
    summary = 'The token could not be checked.';
  }
  return {
    ok: report.ok,
    summary,
    problem: report.problem ? { ...report.problem } : null,
    scopes: { read_orders: scopes.read_orders, read_customers: scopes.read_customers, write_orders: 'not_checked' },
  };
}
