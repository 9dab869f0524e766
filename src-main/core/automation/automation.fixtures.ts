// Test fixtures for the automation services: a memory database, agents, tickets, and an
// automation started on hand-driven time. Tests only.
import type { Agent, Ticket } from '../../../src-preload/contract';
import { openDatabase, type TopicdeskDatabase } from '../db/database';
import { InboxIndex } from '../tickets/inbox.index';
import { newTicket } from '../tickets/ticket.factory';
import { createAutomation, type Automation, type AutomationDeps } from './automation';
import type { FakeTime } from './fake.timers';

/** A Monday, 09:00 UTC. */
export const T0 = Date.parse('2026-03-02T09:00:00Z');
export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

export function agent(id: string, overrides: Partial<Agent> = {}): Agent {
  return {
    id,
    tgUserId: id.replace(/^agent:/, ''),
    name: `Agent ${id.replace(/^agent:/, '')}`,
    role: 'agent',
    skills: [],
    languages: ['en'],
    capacity: 10,
    availability: 'online',
    updatedAt: 0,
    ...overrides,
  };
}

export function ticket(id: string, createdAt: number, overrides: Partial<Ticket> = {}): Ticket {
  return newTicket({ id, subject: `Ticket ${id}`, createdAt, lastCustomerAt: createdAt, ...overrides });
}

export interface Harness {
  db: TopicdeskDatabase;
  time: FakeTime;
  inbox: InboxIndex;
  automation: Automation;
  logs: string[];
  /** Waits until the automation has nothing left to do. */
  settle(): Promise<void>;
  advance(ms: number): Promise<void>;
  advanceTo(at: number): Promise<void>;
  get(ticketId: string): Promise<Ticket>;
  /** Stops this automation (the database stays open). */
  stop(): Promise<void>;
}

export interface TestBed {
  open(): Promise<TopicdeskDatabase>;
  start(db: TopicdeskDatabase, time: FakeTime, deps?: Partial<AutomationDeps>): Promise<Harness>;
  /** Disposes every automation and closes every database (call in afterEach). */
  cleanup(): Promise<void>;
}

export function testBed(): TestBed {
  const dbs: TopicdeskDatabase[] = [];
  const running: { automation: Automation; inbox: InboxIndex }[] = [];
  return {
    async open() {
      // Validation on: catches a write that drifts from the collection schema.
      const db = await openDatabase({ workspace: 'automation', storage: { kind: 'memory' }, validate: true });
      dbs.push(db);
      return db;
    },
    async start(db, time, deps = {}) {
      const inbox = new InboxIndex();
      await inbox.load(db);
      const logs: string[] = [];
      const automation = createAutomation({
        db,
        inbox,
        clock: time.clock,
        timers: time.timers,
        me: () => null,
        log: (message) => logs.push(message),
        timeZone: 'UTC',
        ...deps,
      });
      const entry = { automation, inbox };
      running.push(entry);
      await automation.start();
      const settle = () => automation.idle();
      await settle();
      return {
        db,
        time,
        inbox,
        automation,
        logs,
        settle,
        advance: (ms) => time.advance(ms, settle),
        advanceTo: (at) => time.advanceTo(at, settle),
        async get(ticketId) {
          const doc = await db.tickets.findOne(ticketId).exec();
          if (!doc) throw new Error(`no ticket ${ticketId}`);
          return doc.toMutableJSON();
        },
        async stop() {
          await automation.dispose();
          inbox.dispose();
          running.splice(running.indexOf(entry), 1);
        },
      };
    },
    async cleanup() {
      for (const { automation, inbox } of running.splice(0)) {
        await automation.dispose();
        inbox.dispose();
      }
      await Promise.all(dbs.splice(0).map((db) => db.close()));
    },
  };
}
