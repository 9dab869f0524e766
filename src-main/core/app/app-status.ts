// The app's status as the UI shows it (connections, sync, demo), kept in one observable
// value that services update in parts.
import { BehaviorSubject, type Observable } from 'rxjs';
import type { AppStatus } from '../../../src-preload/contract';

export class AppStatusStore {
  private readonly subject: BehaviorSubject<AppStatus>;

  constructor(initial: AppStatus) {
    this.subject = new BehaviorSubject(initial);
  }

  get value(): AppStatus {
    return this.subject.value;
  }

  get changes(): Observable<AppStatus> {
    return this.subject.asObservable();
  }

  update(patch: Partial<AppStatus>): void {
    this.subject.next({ ...this.subject.value, ...patch });
  }

  dispose(): void {
    this.subject.complete();
  }
}
