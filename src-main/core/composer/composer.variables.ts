// The variables a reply may use for one ticket: ticket, customer and replying agent from the
// colleague's `templateVariables`, the order group (with `order.items`) from the orders folder.
// Pure; main process (composer service).
import type { Agent, Ticket } from '../../../src-preload/contract';
import type { OrderView } from '../../../src-preload/contract/shopline.contract';
import { orderTemplateVariables } from '../orders/order.template';
import { listVariables, type TemplateVariables } from '../rules/template.render';
import { templateVariables, type TemplateVariableOptions } from '../rules/template.variables';

/** Whether rendering `text` needs the ticket's order (a Shopline lookup we skip when it does not). */
export function usesOrderVariables(text: string): boolean {
  return listVariables(text).some((name) => name === 'order' || name.startsWith('order.'));
}

/** Whether `text` has any `{{…}}` placeholder at all. */
export const hasPlaceholders = (text: string): boolean => listVariables(text).length > 0;

export function composerVariables(
  ticket: Pick<Ticket, 'id' | 'subject' | 'customer'>,
  agent: Pick<Agent, 'name'>,
  order: OrderView | null,
  options: TemplateVariableOptions = {},
): TemplateVariables {
  return { ...templateVariables(ticket, agent, null, options), ...orderTemplateVariables(order, options) };
}
