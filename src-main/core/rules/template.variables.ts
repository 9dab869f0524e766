// The variables a canned response may use, built from the ticket, the replying agent and the
// linked order (pure; core composer service, renderer's variable picker).
import { DateTime } from 'luxon';
import type { Agent, Ticket } from '../../../src-preload/contract';
import { templateVariableNames } from '../../../src-preload/contract/composer.contract';
import type { TemplateVariables } from './template.render';

/** Every documented variable; anything else in a template is reported as unknown. Declared in the contract: Settings lists them. */
export { templateVariableNames };
export type TemplateVariableName = (typeof templateVariableNames)[number];

/** What the Shopline lookup gives the composer about the linked order. */
export interface TemplateOrder {
  /** As the shop shows it, prefix included (e.g. 'D2034'). */
  number: string;
  /** Decimal string as Shopline sends it (e.g. '129.90'). */
  totalAmount: string;
  currency: string;
  /** The customer-facing state, e.g. 'shipped', 'paid'. */
  status: string;
  trackingUrl: string | null;
  trackingNumber: string | null;
  createdAt: number;
}

export interface TemplateVariableOptions {
  /** Zone for `order.date` (the shop's or the team's); default UTC. */
  timeZone?: string;
}

/** First word and the rest; Telegram names are free text, so this is a best guess. */
export function splitName(name: string): { first: string | null; last: string | null } {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return { first: words[0] ?? null, last: words.length > 1 ? words.slice(1).join(' ') : null };
}

const orNull = (s: string | null | undefined): string | null => (s && s.trim() !== '' ? s : null);

/**
 * The variables object for `renderTemplate`. Values that do not exist here (no order, no
 * username, a one-word name's last name) are null, so rendering reports them as missing.
 */
export function templateVariables(
  ticket: Pick<Ticket, 'id' | 'subject' | 'customer'>,
  agent: Pick<Agent, 'name'>,
  order: TemplateOrder | null,
  options: TemplateVariableOptions = {},
): TemplateVariables {
  const customer = splitName(ticket.customer.name);
  const agentName = splitName(agent.name);
  const date = order ? DateTime.fromMillis(order.createdAt, { zone: options.timeZone ?? 'UTC' }) : null;
  return {
    customer: {
      first_name: customer.first,
      last_name: customer.last,
      name: orNull(ticket.customer.name),
      username: orNull(ticket.customer.username),
    },
    ticket: { id: ticket.id, subject: orNull(ticket.subject) },
    agent: { name: orNull(agent.name), first_name: agentName.first },
    order: {
      number: orNull(order?.number),
      total: order ? `${order.totalAmount} ${order.currency}` : null,
      status: orNull(order?.status),
      tracking_url: orNull(order?.trackingUrl),
      tracking_number: orNull(order?.trackingNumber),
      date: date?.isValid ? date.toISODate() : null,
    },
  };
}
