// Shows a ticket notification through the operating system (Electron Notification) and
// turns a click into "show the window, open that ticket". Main process; the Notification
// class is passed in.
import type { NativeImage, NotificationConstructorOptions } from 'electron';
import type { TicketNotification } from './notifications.rules';
import type { UiRequest } from '../core/app/ui-requests';

/** The part of an Electron Notification used here. */
export interface NotificationLike {
  show(): void;
  on(event: 'click', listener: () => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  emit(event: 'click'): boolean;
}

export interface NotificationApi {
  isSupported(): boolean;
  create(options: NotificationConstructorOptions): NotificationLike;
}

/** Notifications still on screen are kept referenced: a collected one loses its click handler. */
const MAX_KEPT = 50;

export class NotificationPresenter {
  private readonly kept = new Set<NotificationLike>();
  private latest: NotificationLike | null = null;

  constructor(
    private readonly api: NotificationApi,
    private readonly activate: (target: UiRequest) => void,
    private readonly icon?: NativeImage,
  ) {}

  show(notification: TicketNotification): boolean {
    if (!this.api.isSupported()) return false;
    const shown = this.api.create({ title: notification.title, body: notification.body, ...(this.icon ? { icon: this.icon } : {}) });
    const forget = () => this.kept.delete(shown);
    shown.on('click', () => {
      forget();
      this.activate(notification.target);
    });
    shown.on('close', forget);
    this.kept.add(shown);
    if (this.kept.size > MAX_KEPT) this.kept.delete(this.kept.values().next().value as NotificationLike);
    this.latest = shown;
    shown.show();
    return true;
  }

  /** The last notification shown (the end-to-end tests click it). */
  get last(): NotificationLike | null {
    return this.latest;
  }

  get keptCount(): number {
    return this.kept.size;
  }
}
