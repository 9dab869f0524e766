// What the tray shows: my open tickets and how many have unread messages, in the tooltip and
// the menu (Open Topicdesk, my queue, Quit). Pure; tray.controller.ts puts it on screen.
import type { MenuItemConstructorOptions } from 'electron';
import type { Ticket } from '../../src-preload/contract';
import { inView } from '../core/tickets/inbox.query';
import { PRODUCT_NAME } from './app.identity';

export interface TrayCounts {
  signedIn: boolean;
  /** Open tickets assigned to me (the Mine view). */
  assigned: number;
  /** Of those, how many have messages I have not read. */
  unread: number;
}

export function trayCounts(tickets: Iterable<Ticket>, meId: string | null): TrayCounts {
  let assigned = 0;
  let unread = 0;
  for (const ticket of tickets) {
    if (!inView(ticket, 'mine', meId)) continue;
    assigned += 1;
    if (ticket.unreadCount > 0) unread += 1;
  }
  return { signedIn: meId !== null, assigned, unread };
}

export function trayTooltip(counts: TrayCounts): string {
  if (!counts.signedIn) return PRODUCT_NAME;
  return `${PRODUCT_NAME} — ${counts.assigned} assigned to you${counts.unread ? `, ${counts.unread} unread` : ''}`;
}

export interface TrayActions {
  open(): void;
  openMine(): void;
  quit(): void;
}

/** Item ids are stable so tests (and the end-to-end hooks) can find them. */
export function trayMenuTemplate(counts: TrayCounts, actions: TrayActions): MenuItemConstructorOptions[] {
  const mine: MenuItemConstructorOptions = counts.signedIn
    ? {
        id: 'mine',
        label: `Assigned to me: ${counts.assigned}${counts.unread ? ` (${counts.unread} unread)` : ''}`,
        click: () => actions.openMine(),
      }
    : { id: 'mine', label: 'Not signed in to Telegram', enabled: false };
  return [
    { id: 'open', label: `Open ${PRODUCT_NAME}`, click: () => actions.open() },
    { type: 'separator' },
    mine,
    { type: 'separator' },
    { id: 'quit', label: `Quit ${PRODUCT_NAME}`, click: () => actions.quit() },
  ];
}

export interface TrayImageSpec {
  variant: 'app' | 'trayTemplate';
  size: number;
  scaleFactor: number;
}

/**
 * The tray picture per system: macOS wants a black template glyph it tints for light and dark
 * menu bars (16 pt); Windows a 16 px colour icon; Linux panels scale a larger colour one.
 */
export function trayImageSpecs(platform: NodeJS.Platform): { template: boolean; images: TrayImageSpec[] } {
  if (platform === 'darwin') {
    return { template: true, images: [{ variant: 'trayTemplate', size: 16, scaleFactor: 1 }, { variant: 'trayTemplate', size: 32, scaleFactor: 2 }] };
  }
  const base = platform === 'win32' ? 16 : 32;
  return { template: false, images: [{ variant: 'app', size: base, scaleFactor: 1 }, { variant: 'app', size: base * 2, scaleFactor: 2 }] };
}
