// The channel that carries the shell's requests to the UI (the contract's 'ui.requests' live
// query): the desktop shell's menu, tray and notifications send, the renderer acts.
import { Observable, type Subscriber } from 'rxjs';
import { UiRequest, type UiRequestEnvelope } from '../../../src-preload/contract';

/** What the shell's parts need: somewhere to send a request. */
export interface UiRequestSink {
  send(request: UiRequest): void;
}

export class UiRequestChannel implements UiRequestSink {
  private seq = 0;
  private readonly listeners = new Set<Subscriber<UiRequestEnvelope | null>>();
  /** A request nobody was listening for (the page was loading): given to the next listener. */
  private pending: UiRequestEnvelope | null = null;

  send(request: UiRequest): void {
    const envelope = { seq: ++this.seq, request: UiRequest.parse(request) };
    if (this.listeners.size === 0) {
      this.pending = envelope;
      return;
    }
    for (const listener of this.listeners) listener.next(envelope);
  }

  /** The live query: emits at once (a pending request, or null), then each new request. */
  stream(): Observable<UiRequestEnvelope | null> {
    return new Observable((subscriber) => {
      subscriber.next(this.pending);
      this.pending = null;
      this.listeners.add(subscriber);
      return () => this.listeners.delete(subscriber);
    });
  }
}

export type { UiRequest, UiRequestEnvelope };
