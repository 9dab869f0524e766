// The composer's endpoints (canned responses rendered by the core, `{{…}}` checks, drafts kept
// per ticket), the signed-in agent's own preferences, and editing an agent's profile from
// Settings. Declared once with zod; runtime-free apart from zod (the renderer imports it).
import { z } from 'zod';
import { Agent, AgentRole, Availability } from './agents.contract';

// ---------------------------------------------------------------------------------------
// Templates and variables

/** The variables filled from the ticket, the replying agent and the linked order (core rules/template.variables.ts). */
export const templateVariableNames = [
  'customer.first_name',
  'customer.last_name',
  'customer.name',
  'customer.username',
  'ticket.id',
  'ticket.subject',
  'agent.name',
  'agent.first_name',
  'order.number',
  'order.total',
  'order.status',
  'order.tracking_url',
  'order.tracking_number',
  'order.date',
] as const;

/** Every variable a canned response may use: those, and the order's item lines (core orders/order.template.ts). */
export const allTemplateVariableNames = [...templateVariableNames, 'order.items'] as const;

/**
 * What rendering a canned response (or checking typed text) gives: the text to put in the
 * composer, or every placeholder that cannot be filled, so nothing is sent with a `{{…}}` in it.
 */
export const TemplateRender = z.union([
  z.object({ ok: z.literal(true), text: z.string() }),
  z.object({
    ok: z.literal(false),
    /** Placeholders that name no variable (`{{order.numbr}}`). */
    unknown: z.array(z.string()),
    /** Known variables without a value for this ticket (`{{order.number}}` with no order). */
    missing: z.array(z.string()),
  }),
]);
export type TemplateRender = z.infer<typeof TemplateRender>;

const MessageText = z.string().max(100_000);
const TicketRef = z.object({ ticketId: z.string().min(1) });

// ---------------------------------------------------------------------------------------
// Drafts

export const DraftKind = z.enum(['agent', 'note']);
export type DraftKind = z.infer<typeof DraftKind>;

/** The unsent text of one ticket's composer, kept on this device across restarts. */
export const Draft = z.object({ kind: DraftKind, text: z.string(), updatedAt: z.number() });
export type Draft = z.infer<typeof Draft>;

// ---------------------------------------------------------------------------------------
// The signed-in agent's preferences (on this device)

export const Prefs = z.object({
  /** Desktop notifications for tickets newly assigned to me and my tickets at SLA risk. */
  notifications: z.boolean(),
});
export type Prefs = z.infer<typeof Prefs>;

export const defaultPrefs: Prefs = { notifications: false };

// ---------------------------------------------------------------------------------------
// Agent profiles (Settings → Agents)

/** A skill as routing rules name it: `billing`, `tier-2`. */
export const SkillName = z
  .string()
  .trim()
  .min(1, 'a skill needs a name')
  .max(40)
  .regex(/^[\p{L}\p{N}_-]+$/u, 'a skill is one word: letters, digits, _ and -');

/** A BCP 47-style language tag as routing compares them: `en`, `pt-BR`. */
export const LanguageTag = z
  .string()
  .trim()
  .regex(/^[a-zA-Z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'a language is a code such as en or pt-BR');

/** Only the fields given change. */
export const AgentUpdate = z
  .object({
    agentId: z.string().min(1),
    name: z.string().trim().min(1, 'enter a name').max(100).optional(),
    role: AgentRole.optional(),
    /** How many open tickets routing gives this agent at most. */
    capacity: z.number().int('capacity is a whole number').min(0, 'capacity cannot be negative').max(500).optional(),
    skills: z.array(SkillName).max(30).optional(),
    languages: z.array(LanguageTag).max(20).optional(),
    availability: Availability.optional(),
  })
  .refine((u) => Object.keys(u).some((key) => key !== 'agentId'), { message: 'nothing to change' });
export type AgentUpdate = z.input<typeof AgentUpdate>;

// ---------------------------------------------------------------------------------------
// Endpoints

export const composerCommands = {
  /** The template filled from the ticket, its customer, the replying agent and the current order. */
  'composer.renderTemplate': { params: TicketRef.extend({ templateId: z.string().min(1) }), result: TemplateRender },
  /** Typed text with `{{…}}` placeholders, filled the same way; text without any comes back as is. */
  'composer.check': { params: TicketRef.extend({ text: MessageText }), result: TemplateRender },
  /** Empty (or blank) text deletes the draft; the answer is the stored draft or null. */
  'composer.saveDraft': { params: TicketRef.extend({ kind: DraftKind, text: MessageText }), result: Draft.nullable() },
  /** Only the fields given change; needs a signed-in agent. */
  'prefs.set': { params: Prefs.partial(), result: Prefs },
  'agents.update': { params: AgentUpdate, result: Agent },
} as const;

export const composerLiveQueries = {
  'composer.draft': { params: TicketRef, result: Draft.nullable() },
  /** The signed-in agent's preferences; the defaults while nobody is signed in. */
  prefs: { params: z.object({}), result: Prefs },
} as const;
