// A realistic workspace as plain documents: agents with skills and languages, tickets across every status
// (most assigned, some waiting in the queue, some done), and threads of customer and agent messages. Pure
// and deterministic (same sizes, same documents), so every run and every scenario sees the same data.
import type { Agent, Message, Ticket, TicketStatus } from '../../src-preload/contract';
import { toMessageDoc, type MessageDoc } from '../../src-main/core/db/schemas/messages.schema';
import { newTicket } from '../../src-main/core/tickets/ticket.factory';

export interface WorkspaceSize {
  tickets: number;
  messagesPerTicket: number;
  agents: number;
}

export const BENCH_CHAT_ID = '1900000001';
const SKILLS = ['billing', 'shipping', 'technical', 'refunds'] as const;
const LANGUAGES = ['en', 'de', 'es', 'fr', 'ja'] as const;
const HOUR = 3_600_000;

export const agentIdAt = (i: number) => `agent:${7_000_000_001 + i}`;
export const ticketIdAt = (i: number) => `tg:${BENCH_CHAT_ID}:${10 + i * 20}`;

export function benchAgents(count: number, now: number): Agent[] {
  return Array.from({ length: count }, (_, i) => ({
    id: agentIdAt(i),
    tgUserId: String(7_000_000_001 + i),
    name: `Agent ${i + 1}`,
    role: i === 0 ? 'admin' : i < 5 ? 'lead' : 'agent',
    skills: [SKILLS[i % SKILLS.length] as string, SKILLS[(i + 1) % SKILLS.length] as string],
    languages: ['en', LANGUAGES[i % LANGUAGES.length] as string],
    capacity: 1_000,
    availability: i % 10 === 9 ? 'away' : 'online',
    updatedAt: now,
  }));
}

/** Status mix of a team's queue: a tenth new and unassigned, most in progress or waiting, a third done. */
export function statusAt(i: number): { status: TicketStatus; assigned: boolean } {
  const slot = i % 20;
  if (slot < 2) return { status: 'open', assigned: false };
  if (slot < 4) return { status: 'open', assigned: true };
  if (slot < 10) return { status: 'in_progress', assigned: true };
  if (slot < 13) return { status: 'waiting_on_customer', assigned: true };
  if (slot < 17) return { status: 'resolved', assigned: true };
  return { status: 'closed', assigned: true };
}

export function benchTicket(i: number, size: WorkspaceSize, now: number): Ticket {
  const { status, assigned } = statusAt(i);
  const createdAt = now - 30 * 24 * HOUR + Math.floor((i / size.tickets) * 29 * 24 * HOUR);
  const lastMessageAt = createdAt + size.messagesPerTicket * 10 * 60_000;
  const assigneeId = assigned ? agentIdAt(i % size.agents) : null;
  const done = status === 'resolved' || status === 'closed';
  const customerId = String(6_000_000_001 + (i % 5_000));
  return newTicket({
    id: ticketIdAt(i),
    subject: `Order #${100_000 + i}: ${['where is my parcel', 'refund please', 'wrong size delivered', 'app does not start'][i % 4]}`,
    createdAt,
    customer: {
      tgUserId: customerId,
      name: `Customer ${i % 5_000}`,
      username: `customer_${i % 5_000}`,
      phone: null,
      email: null,
      shoplineCustomerId: null,
      tier: i % 7 === 0 ? 'vip' : 'standard',
      language: LANGUAGES[i % LANGUAGES.length] as string,
    },
    status,
    priority: (['low', 'normal', 'normal', 'high', 'urgent'] as const)[i % 5],
    tags: i % 3 === 0 ? ['shipping'] : [],
    assigneeId,
    source: 'telegram',
    chatId: BENCH_CHAT_ID,
    topicId: 10 + i * 20,
    updatedAt: lastMessageAt,
    firstResponseAt: assigned ? createdAt + 15 * 60_000 : null,
    resolvedAt: done ? lastMessageAt : null,
    closedAt: status === 'closed' ? lastMessageAt : null,
    lastCustomerAt: lastMessageAt - 10 * 60_000,
    lastAgentAt: assigned ? lastMessageAt : null,
    lastMessageAt,
    lastMessagePreview: 'Thanks, that helps. When will it arrive?',
    unreadCount: status === 'open' ? 1 : 0,
    fieldTimes: assigneeId ? { assigneeId: createdAt + 15 * 60_000 } : {},
  });
}

export function benchMessages(ticket: Ticket, count: number): MessageDoc[] {
  const topicId = ticket.topicId ?? 0;
  return Array.from({ length: count }, (_, k) => {
    const fromCustomer = k % 2 === 0 || ticket.assigneeId === null;
    const sentAt = ticket.createdAt + k * 10 * 60_000;
    const message: Message = {
      id: `tg:${BENCH_CHAT_ID}:${topicId + 1 + k}`,
      ticketId: ticket.id,
      kind: fromCustomer ? 'customer' : 'agent',
      authorId: fromCustomer ? ticket.customer.tgUserId : ticket.assigneeId,
      authorName: fromCustomer ? ticket.customer.name : 'Agent',
      text: fromCustomer
        ? `Hello, my order #${ticket.subject.slice(7, 13)} has not arrived yet. Could you check where it is? (${k})`
        : `Hi! I checked with the warehouse: it left yesterday, tracking number ZX${topicId}${k}.`,
      entities: [],
      media: null,
      sentAt,
      editedAt: null,
      deleted: false,
      delivery: fromCustomer ? null : { state: 'sent', reason: null, attempts: 0, tgMsgIds: [topicId + 1 + k], retryAt: null },
      createdAt: sentAt,
    };
    return toMessageDoc(message);
  });
}
