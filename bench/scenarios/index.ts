// Every scenario of the suite, in the order the runner takes them (cheap and in-process first, the long
// ingest last, so a quick look at the table comes early). Bench only.
import type { Scenario } from '../scenario';
import { actionScenario } from './action.scenario';
import { coldStartScenario } from './cold-start.scenario';
import { inboxScenario } from './inbox.scenario';
import { ingestScenario } from './ingest.scenario';
import { memoryScenario } from './memory.scenario';
import { routingScenario } from './routing.scenario';
import { syncInitialScenario } from './sync-initial.scenario';
import { syncLiveScenario } from './sync-live.scenario';

export const scenarios: readonly Scenario[] = [
  routingScenario,
  inboxScenario,
  coldStartScenario,
  memoryScenario,
  actionScenario,
  syncInitialScenario,
  syncLiveScenario,
  ingestScenario,
];

export const scenarioIds = scenarios.map((s) => s.id);
