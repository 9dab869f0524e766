// Tests for the ticket status workflow: every pair of statuses, customer reopen, timestamps.
import { describe, expect, it } from 'vitest';
import { ticketStatuses } from '../../../src-preload/contract';
import type { TicketStatus } from '../../../src-preload/contract';
import { canTransition, statusAfterCustomerMessage, statusChoices, statusTimestamps } from './status.transitions';

describe('canTransition', () => {
  // Rows: from; columns in ticketStatuses order: open, in_progress, waiting_on_customer, resolved, closed.
  const expected: Record<TicketStatus, boolean[]> = {
    open: [true, true, true, true, false],
    in_progress: [true, true, true, true, false],
    waiting_on_customer: [true, true, true, true, false],
    resolved: [true, true, false, true, true],
    closed: [true, false, false, false, true],
  };

  it('allows exactly the workflow table, for all 25 pairs', () => {
    for (const from of ticketStatuses) {
      ticketStatuses.forEach((to, i) => {
        expect([from, to, canTransition(from, to)]).toEqual([from, to, expected[from][i]]);
      });
    }
  });

  it('never closes a ticket that is not resolved', () => {
    for (const from of ticketStatuses) {
      if (from !== 'resolved' && from !== 'closed') expect(canTransition(from, 'closed')).toBe(false);
    }
  });
});

describe('statusChoices', () => {
  it('offers the current status first, then the legal moves, without duplicates', () => {
    expect(statusChoices('closed')).toEqual(['closed', 'open']);
    expect(statusChoices('resolved')).toEqual(['resolved', 'open', 'in_progress', 'closed']);
    for (const from of ticketStatuses) {
      const choices = statusChoices(from);
      expect(new Set(choices).size).toBe(choices.length);
      expect(choices.every((to) => canTransition(from, to))).toBe(true);
    }
  });
});

describe('statusAfterCustomerMessage', () => {
  it('reopens waiting, resolved and closed tickets and leaves active ones alone', () => {
    expect(statusAfterCustomerMessage({ status: 'waiting_on_customer', assigneeId: 'agent:a' })).toBe('in_progress');
    expect(statusAfterCustomerMessage({ status: 'waiting_on_customer', assigneeId: null })).toBe('open');
    expect(statusAfterCustomerMessage({ status: 'resolved', assigneeId: 'agent:a' })).toBe('open');
    expect(statusAfterCustomerMessage({ status: 'closed', assigneeId: 'agent:a' })).toBe('open');
    expect(statusAfterCustomerMessage({ status: 'open', assigneeId: null })).toBe('open');
    expect(statusAfterCustomerMessage({ status: 'in_progress', assigneeId: 'agent:a' })).toBe('in_progress');
  });

  it('only ever makes a legal move', () => {
    for (const status of ticketStatuses) {
      for (const assigneeId of [null, 'agent:a']) {
        expect(canTransition(status, statusAfterCustomerMessage({ status, assigneeId }))).toBe(true);
      }
    }
  });
});

describe('statusTimestamps', () => {
  it('stamps resolve and close, keeps an earlier resolve on close, and clears both on reopen', () => {
    expect(statusTimestamps({ resolvedAt: null, closedAt: null }, 'resolved', 10)).toEqual({ resolvedAt: 10, closedAt: null });
    expect(statusTimestamps({ resolvedAt: 10, closedAt: null }, 'closed', 20)).toEqual({ resolvedAt: 10, closedAt: 20 });
    expect(statusTimestamps({ resolvedAt: null, closedAt: null }, 'closed', 20)).toEqual({ resolvedAt: 20, closedAt: 20 });
    for (const to of ['open', 'in_progress', 'waiting_on_customer'] as const) {
      expect(statusTimestamps({ resolvedAt: 10, closedAt: 20 }, to, 30)).toEqual({ resolvedAt: null, closedAt: null });
    }
  });
});
