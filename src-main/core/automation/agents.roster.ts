// The team's agents held in memory from the agents collection, for routing and escalation
// decisions and the queue overview. Main process.
import { BehaviorSubject, type Observable, type Subscription } from 'rxjs';
import type { Agent } from '../../../src-preload/contract';
import type { TopicdeskDatabase } from '../db/database';
import { mirrorCollection } from './collection.mirror';

export class AgentsRoster {
  private readonly agents = new BehaviorSubject<Agent[]>([]);
  private subscription: Subscription | null = null;

  /** Resolves once the collection has been read. */
  start(db: TopicdeskDatabase, log: (message: string, error?: unknown) => void): Promise<void> {
    const mirror = mirrorCollection(
      db.agents,
      (docs) => this.agents.next(docs.map((d) => d.doc).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))),
      log,
    );
    this.subscription = mirror.subscription;
    return mirror.ready;
  }

  get list(): readonly Agent[] {
    return this.agents.value;
  }

  get changes$(): Observable<Agent[]> {
    return this.agents.asObservable();
  }

  get(id: string): Agent | undefined {
    return this.agents.value.find((a) => a.id === id);
  }

  dispose(): void {
    this.subscription?.unsubscribe();
    this.agents.complete();
  }
}
