// The composer's side of the core: canned responses rendered for a ticket (ticket, customer,
// replying agent and current order), typed `{{…}}` text checked the same way, drafts per ticket
// and the signed-in agent's preferences. Wires the pure rendering rules to the inbox, the team's
// templates, the orders service and LocalState. Main process.
import type { Observable } from 'rxjs';
import { CommandError, type Ticket } from '../../../src-preload/contract';
import type { Draft, DraftKind, Prefs, TemplateRender } from '../../../src-preload/contract/composer.contract';
import type { Template } from '../../../src-preload/contract/config.contract';
import type { OrderView } from '../../../src-preload/contract/shopline.contract';
import type { Me } from '../app/me';
import { renderTemplate } from '../rules/template.render';
import { composerVariables, hasPlaceholders, usesOrderVariables } from './composer.variables';
import type { DraftStore } from './draft.store';
import type { PrefsStore } from './prefs.store';

export interface ComposerServiceDeps {
  /** The ticket as the inbox holds it (InboxIndex). */
  ticket: (ticketId: string) => Ticket | undefined;
  /** A team template by id (the automation's ConfigStore). */
  template: (templateId: string) => Template | undefined;
  /** The order replies are about (OrdersService.currentOrder); null without one or without Shopline. */
  currentOrder: (ticketId: string) => Promise<OrderView | null>;
  me: () => Me | null;
  /** The agent's name as the team list has it, when it has them. */
  agentName?: (agentId: string) => string | undefined;
  drafts: DraftStore;
  prefs: PrefsStore;
  /** Zone for `{{order.date}}`; default UTC. */
  timeZone?: string;
}

export class ComposerService {
  constructor(private readonly deps: ComposerServiceDeps) {}

  async renderTemplate({ ticketId, templateId }: { ticketId: string; templateId: string }): Promise<TemplateRender> {
    const template = this.deps.template(templateId);
    if (!template) throw new CommandError('not_found', `There is no template ${templateId}.`);
    return this.render(this.ticket(ticketId), template.body);
  }

  /** Text without placeholders comes back unchanged (no lookups at all). */
  async check({ ticketId, text }: { ticketId: string; text: string }): Promise<TemplateRender> {
    const ticket = this.ticket(ticketId);
    if (!hasPlaceholders(text)) return { ok: true, text };
    return this.render(ticket, text);
  }

  async saveDraft({ ticketId, kind, text }: { ticketId: string; kind: DraftKind; text: string }): Promise<Draft | null> {
    this.ticket(ticketId);
    return this.deps.drafts.save(ticketId, kind, text);
  }

  draft$({ ticketId }: { ticketId: string }): Observable<Draft | null> {
    return this.deps.drafts.draft$(ticketId);
  }

  setPrefs(patch: Partial<Prefs>): Promise<Prefs> {
    return this.deps.prefs.set(patch);
  }

  prefs$(): Observable<Prefs> {
    return this.deps.prefs.prefs$();
  }

  private ticket(ticketId: string): Ticket {
    const ticket = this.deps.ticket(ticketId);
    if (!ticket) throw new CommandError('not_found', `Ticket ${ticketId} does not exist.`);
    return ticket;
  }

  private async render(ticket: Ticket, body: string): Promise<TemplateRender> {
    const me = this.deps.me();
    const agent = { name: me ? (this.deps.agentName?.(me.agentId) ?? me.name) : '' };
    const order = usesOrderVariables(body) ? await this.deps.currentOrder(ticket.id) : null;
    const vars = composerVariables(ticket, agent, order, { timeZone: this.deps.timeZone });
    return renderTemplate(body, vars);
  }
}
