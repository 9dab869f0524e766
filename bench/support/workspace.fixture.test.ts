// Tests for the bench workspace fixture (pure): the documents match the contract, ids are unique, the status
// mix is what the scenarios rely on, and the same sizes give the same documents.
import { describe, expect, it } from 'vitest';
import { Agent, Message, Ticket } from '../../src-preload/contract';
import { fromMessageDoc } from '../../src-main/core/db/schemas/messages.schema';
import { benchAgents, benchMessages, benchTicket, statusAt } from './workspace.fixture';

const size = { tickets: 200, messagesPerTicket: 5, agents: 50 };
const now = Date.UTC(2026, 0, 1);

describe('workspace fixture', () => {
  const tickets = Array.from({ length: size.tickets }, (_, i) => benchTicket(i, size, now));
  const messages = tickets.flatMap((t) => benchMessages(t, size.messagesPerTicket));

  it('makes documents that pass the contract', () => {
    for (const ticket of tickets) expect(Ticket.safeParse(ticket).success).toBe(true);
    for (const message of messages) expect(Message.safeParse(fromMessageDoc(message)).success).toBe(true);
    for (const agent of benchAgents(size.agents, now)) expect(Agent.safeParse(agent).success).toBe(true);
  });

  it('gives every ticket and message its own id', () => {
    expect(new Set(tickets.map((t) => t.id)).size).toBe(size.tickets);
    expect(new Set(messages.map((m) => m.id)).size).toBe(size.tickets * size.messagesPerTicket);
  });

  it('has a tenth unassigned and open, and about half in progress or waiting', () => {
    const statuses = Array.from({ length: 20 }, (_, i) => statusAt(i));
    expect(statuses.filter((s) => s.status === 'open' && !s.assigned)).toHaveLength(2);
    expect(statuses.filter((s) => s.status === 'in_progress' || s.status === 'waiting_on_customer')).toHaveLength(9);
    expect(tickets.filter((t) => t.assigneeId === null).every((t) => t.status === 'open')).toBe(true);
  });

  it('is deterministic', () => {
    expect(benchTicket(7, size, now)).toEqual(tickets[7]);
  });
});
