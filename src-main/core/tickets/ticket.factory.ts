// A new ticket with every field at its starting value; sources fill in what they know.
import type { Customer, Ticket } from '../../../src-preload/contract';

export const unknownCustomer = (name: string): Customer => ({
  tgUserId: null,
  name,
  username: null,
  phone: null,
  email: null,
  shoplineCustomerId: null,
  tier: 'standard',
  language: null,
});

export function newTicket(fields: Pick<Ticket, 'id' | 'subject' | 'createdAt'> & Partial<Ticket>): Ticket {
  return {
    customer: unknownCustomer('Customer'),
    status: 'open',
    priority: 'normal',
    tags: [],
    category: null,
    assigneeId: null,
    queue: 'general',
    source: 'telegram',
    chatId: null,
    topicId: null,
    topicClosed: false,
    updatedAt: fields.createdAt,
    firstResponseAt: null,
    resolvedAt: null,
    closedAt: null,
    lastCustomerAt: null,
    lastAgentAt: null,
    lastMessageAt: fields.createdAt,
    lastMessagePreview: '',
    unreadCount: 0,
    slaPolicyId: null,
    slaDueAt: null,
    slaState: 'none',
    escalationLevel: 0,
    orderRefs: [],
    fieldTimes: {},
    ...fields,
  };
}
