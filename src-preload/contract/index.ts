// The whole contract between the core and any UI: every command and live query, by name.
// Runtime-free apart from zod, so the renderer and the preload can import it.
import type { z } from 'zod';
import { agentCommands, agentLiveQueries } from './agents.contract';
import { appCommands, appLiveQueries } from './app.contract';
import { automationCommands, automationLiveQueries } from './automation.contract';
import { composerCommands, composerLiveQueries } from './composer.contract';
import { messageCommands, messageLiveQueries } from './messages.contract';
import { shoplineCommands, shoplineLiveQueries } from './shopline.contract';
import { syncCommands, syncLiveQueries } from './sync.contract';
import { telegramCommands, telegramLiveQueries } from './telegram.contract';
import { uiLiveQueries } from './ui.contract';
import { ticketCommands, ticketLiveQueries } from './tickets.contract';

export * from './result';
export * from './tickets.contract';
export * from './messages.contract';
export * from './agents.contract';
export * from './events.contract';
export * from './app.contract';
export * from './telegram.contract';
export * from './shopline.contract';
export * from './ui.contract';
export * from './automation.contract';
export * from './sync.contract';
export * from './composer.contract';
export * from './wire';
export * from './bridge';

interface Endpoint {
  params: z.ZodType;
  result: z.ZodType;
}

export const commands = {
  ...appCommands,
  ...ticketCommands,
  ...messageCommands,
  ...agentCommands,
  ...telegramCommands,
  ...shoplineCommands,
  ...automationCommands,
  ...syncCommands,
  ...composerCommands,
} as const satisfies Record<string, Endpoint>;

export const liveQueries = {
  ...appLiveQueries,
  ...ticketLiveQueries,
  ...messageLiveQueries,
  ...agentLiveQueries,
  ...telegramLiveQueries,
  ...shoplineLiveQueries,
  ...uiLiveQueries,
  ...automationLiveQueries,
  ...syncLiveQueries,
  ...composerLiveQueries,
} as const satisfies Record<string, Endpoint>;

export type Commands = typeof commands;
export type LiveQueries = typeof liveQueries;
export type CommandName = keyof Commands;
export type LiveQueryName = keyof LiveQueries;

/** What the caller passes (defaults may be left out). */
export type CommandParams<N extends CommandName> = z.input<Commands[N]['params']>;
export type CommandResult<N extends CommandName> = z.output<Commands[N]['result']>;
export type LiveQueryParams<N extends LiveQueryName> = z.input<LiveQueries[N]['params']>;
export type LiveQueryResult<N extends LiveQueryName> = z.output<LiveQueries[N]['result']>;

export const isCommandName = (name: string): name is CommandName => Object.hasOwn(commands, name);
export const isLiveQueryName = (name: string): name is LiveQueryName => Object.hasOwn(liveQueries, name);
