// First-start defaults for the team's configuration: an office-hours calendar in this machine's
// time zone, an SLA policy counting in it, an escalation policy, routing settings and two
// example templates. Each kind is written only while it has no document, under fixed ids, so
// two apps seeding at once write the same documents and converge. Main process.
import {
  defaultCalendar,
  defaultEscalationPolicy,
  defaultRoutingSettings,
  defaultSlaPolicy,
  type Template,
} from '../../../src-preload/contract/config.contract';
import type { TopicdeskDatabase } from '../db/database';
import { configId, type ConfigKind as StoredKind } from '../db/schemas/config.schema';

export const DEFAULT_ID = 'default';

export function defaultTemplates(now: number): Template[] {
  return [
    {
      id: 'default-greeting',
      title: 'Greeting',
      shortcut: 'hello',
      body: 'Hi {{customer.first_name}}, thanks for writing to us! I am {{agent.first_name}} and I will help you with this.',
      category: null,
      language: 'en',
      updatedAt: now,
    },
    {
      id: 'default-order-status',
      title: 'Order status',
      shortcut: 'order',
      body: 'Hi {{customer.first_name}}, your order {{order.number}} is {{order.status}}. You can follow it here: {{order.tracking_url}}',
      category: 'orders',
      language: 'en',
      updatedAt: now,
    },
  ];
}

/** The machine's IANA zone (what the office-hours calendar is written in). */
export function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

async function hasAny(db: TopicdeskDatabase, kind: StoredKind): Promise<boolean> {
  return (await db.config.findOne({ selector: { kind } }).exec()) !== null;
}

/** Inserts, treating "already there" (another app seeded first) as done; true if this call wrote any. */
async function insertAll(db: TopicdeskDatabase, kind: StoredKind, docs: { id: string; updatedAt: number }[]): Promise<boolean> {
  const result = await db.config.bulkInsert(
    docs.map((doc) => ({ id: configId(kind, doc.id), kind, updatedAt: doc.updatedAt, data: { ...doc } })),
  );
  const failed = result.error.filter((e) => e.status !== 409);
  if (failed.length > 0) throw new Error(`seeding ${kind} failed for ${failed.map((e) => e.documentId).join(', ')}`);
  return result.success.length > 0;
}

/** Seeds each kind that has no document yet; returns the kinds it wrote. */
export async function seedDefaults(db: TopicdeskDatabase, now: number, timeZone = machineTimeZone()): Promise<StoredKind[]> {
  const seeded: StoredKind[] = [];
  const seed = async (kind: StoredKind, docs: () => { id: string; updatedAt: number }[]) => {
    if (await hasAny(db, kind)) return;
    if (await insertAll(db, kind, docs())) seeded.push(kind);
  };
  await seed('calendar', () => [defaultCalendar(DEFAULT_ID, now, timeZone)]);
  await seed('slapolicy', () => [{ ...defaultSlaPolicy(DEFAULT_ID, now), calendarId: DEFAULT_ID }]);
  await seed('escalationpolicy', () => [defaultEscalationPolicy(DEFAULT_ID, now)]);
  await seed('template', () => defaultTemplates(now));
  await seed('setting', () => [{ id: 'routing', updatedAt: now, ...defaultRoutingSettings() }]);
  return seeded;
}
