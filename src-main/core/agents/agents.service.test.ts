// The agents service on a memory database, called through the contract's schema as the
// dispatcher would: edits are stored, bad input is refused with the field named, and unknown
// agents or a demoted last admin are refused.
import { afterEach, describe, expect, it } from 'vitest';
import type { Agent } from '../../../src-preload/contract';
import { composerCommands } from '../../../src-preload/contract/composer.contract';
import { openDatabase, type TopicdeskDatabase } from '../db/database';
import { AgentsService } from './agents.service';

const dbs: TopicdeskDatabase[] = [];
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((db) => db.close()));
});

const dana: Agent = {
  id: 'agent:1',
  tgUserId: '1',
  name: 'Dana Demo',
  role: 'admin',
  skills: [],
  languages: [],
  capacity: 10,
  availability: 'online',
  updatedAt: 1,
};

async function setup() {
  const db = await openDatabase({ workspace: 'agents', storage: { kind: 'memory' }, validate: true });
  dbs.push(db);
  await db.agents.insert(dana);
  return { db, service: new AgentsService({ db, clock: () => 500 }) };
}

const params = composerCommands['agents.update'].params;

describe('agents.update', () => {
  it('stores role, capacity, skills and languages', async () => {
    const { db, service } = await setup();
    await db.agents.insert({ ...dana, id: 'agent:2', tgUserId: '2', name: 'Priya Shah', role: 'agent' });
    const updated = await service.update(params.parse({ agentId: 'agent:2', role: 'lead', capacity: 3, skills: ['billing'], languages: ['en', 'hi'] }));
    expect(updated).toMatchObject({ role: 'lead', capacity: 3, skills: ['billing'], languages: ['en', 'hi'], updatedAt: 500 });
    expect((await db.agents.findOne('agent:2').exec())?.toJSON()).toMatchObject({ role: 'lead', capacity: 3 });
  });

  it('names the field of a bad value (the dispatcher sends these as invalid_params issues)', () => {
    const bad = params.safeParse({ agentId: 'agent:1', capacity: -1, languages: ['english please'], skills: ['two words'] });
    expect(bad.success).toBe(false);
    const paths = bad.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['capacity', 'languages.0', 'skills.0']));
    expect(params.safeParse({ agentId: 'agent:1' }).success).toBe(false);
  });

  it('refuses an unknown agent and demoting the only admin', async () => {
    const { service } = await setup();
    await expect(service.update({ agentId: 'agent:9', capacity: 1 })).rejects.toMatchObject({ code: 'not_found' });
    await expect(service.update({ agentId: 'agent:1', role: 'agent' })).rejects.toMatchObject({ code: 'conflict' });
  });
});
