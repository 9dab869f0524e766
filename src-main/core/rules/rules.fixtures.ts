// Test fixtures for the pure rules: plain documents with overridable fields (tests only).
import type { Agent, Message, Ticket } from '../../../src-preload/contract';
import type { Calendar, WorkingWindow } from '../../../src-preload/contract/config.contract';

/** Epoch ms of an ISO instant; keeps tests readable ('2026-03-27T09:00:00Z'). */
export const at = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad instant ${iso}`);
  return ms;
};

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

export function makeTicket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    id: 'tg:-100123:7',
    subject: 'Where is my order?',
    customer: {
      tgUserId: '555',
      name: 'Anna Maria Schmidt',
      username: 'anna_s',
      phone: null,
      email: null,
      shoplineCustomerId: null,
      tier: 'standard',
      language: 'de',
    },
    status: 'open',
    priority: 'normal',
    tags: [],
    category: null,
    assigneeId: null,
    queue: 'general',
    source: 'telegram',
    chatId: '-100123',
    topicId: 7,
    topicClosed: false,
    createdAt: at('2026-03-02T09:00:00Z'),
    updatedAt: at('2026-03-02T09:00:00Z'),
    firstResponseAt: null,
    resolvedAt: null,
    closedAt: null,
    lastCustomerAt: at('2026-03-02T09:00:00Z'),
    lastAgentAt: null,
    lastMessageAt: at('2026-03-02T09:00:00Z'),
    lastMessagePreview: 'Hello, where is my order?',
    unreadCount: 1,
    slaPolicyId: null,
    slaDueAt: null,
    slaState: 'none',
    escalationLevel: 0,
    orderRefs: [],
    fieldTimes: {},
    ...overrides,
  };
}

export function makeAgent(id: string, overrides: Partial<Agent> = {}): Agent {
  return {
    id,
    tgUserId: id.replace(/^agent:/, ''),
    name: `Agent ${id}`,
    role: 'agent',
    skills: [],
    languages: ['en'],
    capacity: 5,
    availability: 'online',
    updatedAt: 0,
    ...overrides,
  };
}

export function makeMessage(overrides: Partial<Message> = {}): Message {
  return {
    id: 'local:0b5c',
    ticketId: 'tg:-100123:7',
    kind: 'agent',
    authorId: 'agent:1',
    authorName: 'Agent 1',
    text: 'Hello',
    entities: [],
    media: null,
    sentAt: 1_000,
    editedAt: null,
    deleted: false,
    delivery: { state: 'queued', reason: null, attempts: 0, tgMsgIds: [], retryAt: null },
    createdAt: 1_000,
    ...overrides,
  };
}

/** A calendar with the same windows Monday to Friday and nothing at the weekend. */
export function weekdayCalendar(
  timeZone: string,
  windows: WorkingWindow[] = [{ start: '09:00', end: '17:00' }],
  overrides: Partial<Calendar> = {},
): Calendar {
  return {
    id: 'cal-1',
    name: 'Office',
    timeZone,
    weekly: [[], windows, windows, windows, windows, windows, []],
    holidays: [],
    updatedAt: 0,
    ...overrides,
  };
}

/** The same windows every day of the week. */
export function everyDayCalendar(timeZone: string, windows: WorkingWindow[], overrides: Partial<Calendar> = {}): Calendar {
  return {
    id: 'cal-daily',
    name: 'Daily',
    timeZone,
    weekly: Array.from({ length: 7 }, () => windows),
    holidays: [],
    updatedAt: 0,
    ...overrides,
  };
}

/** A small seeded generator (LCG) so randomised tests repeat exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}
