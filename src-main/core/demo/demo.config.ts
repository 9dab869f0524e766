// The demo's team configuration: short SLA targets so badges visibly count down and a breach
// escalates within a session, and routing rules that spread new topics over the demo agents.
// Written once through the same commands Settings uses.
import type { CommandParams } from '../../../src-preload/contract';
import type { Dispatcher } from '../dispatcher';

const minutes = (firstResponseMins: number, resolutionMins: number) => ({ firstResponseMins, nextResponseMins: firstResponseMins * 2, resolutionMins });

export const demoSlaPolicy: CommandParams<'config.slaPolicies.save'> = {
  id: 'demo-fast',
  name: 'Demo: fast targets',
  match: {},
  order: 1,
  calendarId: null,
  targets: { urgent: minutes(2, 20), high: minutes(4, 40), normal: minutes(8, 60), low: minutes(15, 120) },
  atRiskFraction: 0.5,
  pauseStatuses: ['waiting_on_customer'],
};

export const demoEscalationPolicy: CommandParams<'config.escalationPolicies.save'> = {
  id: 'demo-escalation',
  name: 'Demo: tell the lead, then raise priority and hand to billing',
  slaPolicyId: 'demo-fast',
  levels: [
    { level: 1, trigger: { kind: 'fraction_elapsed', fraction: 0.5 }, actions: [{ kind: 'notify_lead' }] },
    { level: 2, trigger: { kind: 'first_response_breached' }, actions: [{ kind: 'raise_priority' }, { kind: 'notify_lead' }] },
  ],
  notifyCooldownMins: 5,
};

export const demoRoutingRules: CommandParams<'config.routingRules.save'>[] = [
  {
    id: 'demo-refunds',
    name: 'Refunds and payments to billing',
    order: 1,
    enabled: true,
    conditions: [{ kind: 'keywords', any: ['refund', 'money back', 'charged', 'erstattung', 'reembolso', 'remboursement'] }],
    target: { kind: 'skill', skill: 'billing' },
    strategy: 'least_loaded',
  },
  {
    id: 'demo-everyone',
    name: 'Everything else, in turn',
    order: 100,
    enabled: true,
    conditions: [],
    target: { kind: 'skill', skill: 'support' },
    strategy: 'round_robin',
  },
];

/** Writes the demo configuration unless it is there already (a restart keeps edits). */
export async function applyDemoConfig(dispatcher: Dispatcher, existingIds: ReadonlySet<string>): Promise<void> {
  const writes: [string, string, unknown][] = [
    ['config.slaPolicies.save', 'slapolicy:demo-fast', demoSlaPolicy],
    ['config.escalationPolicies.save', 'escalationpolicy:demo-escalation', demoEscalationPolicy],
    ...demoRoutingRules.map((rule): [string, string, unknown] => ['config.routingRules.save', `routingrule:${rule.id}`, rule]),
  ];
  for (const [command, id, params] of writes) {
    if (existingIds.has(id)) continue;
    const result = await dispatcher.call(command, params);
    if (!result.ok) throw new Error(`demo configuration ${id}: ${result.error.message} ${result.error.issues?.join('; ') ?? ''}`);
  }
}
