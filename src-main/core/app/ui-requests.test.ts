import { describe, expect, it } from 'vitest';
import { UiRequestChannel, type UiRequestEnvelope } from './ui-requests';

const collect = (channel: UiRequestChannel) => {
  const seen: (UiRequestEnvelope | null)[] = [];
  const subscription = channel.stream().subscribe((value) => seen.push(value));
  return { seen, stop: () => subscription.unsubscribe() };
};

describe('UiRequestChannel', () => {
  it('emits null at once (a live query always has a value), then each request numbered', () => {
    const channel = new UiRequestChannel();
    const { seen } = collect(channel);
    channel.send({ kind: 'openTicket', ticketId: 'tg:1:2' });
    channel.send({ kind: 'focusSearch' });
    expect(seen).toEqual([null, { seq: 1, request: { kind: 'openTicket', ticketId: 'tg:1:2' } }, { seq: 2, request: { kind: 'focusSearch' } }]);
  });

  it('keeps the latest request made while no page listened, for the next page only', () => {
    const channel = new UiRequestChannel();
    channel.send({ kind: 'openView', view: 'mine' });
    channel.send({ kind: 'openTicket', ticketId: 'tg:1:9' });
    const first = collect(channel);
    const second = collect(channel);
    expect(first.seen).toEqual([{ seq: 2, request: { kind: 'openTicket', ticketId: 'tg:1:9' } }]);
    expect(second.seen).toEqual([null]);
  });

  it('sends to every page listening and stops when one unsubscribes', () => {
    const channel = new UiRequestChannel();
    const a = collect(channel);
    const b = collect(channel);
    a.stop();
    channel.send({ kind: 'selectTicket', direction: 'next' });
    expect(a.seen).toEqual([null]);
    expect(b.seen).toEqual([null, { seq: 1, request: { kind: 'selectTicket', direction: 'next' } }]);
  });

  it('refuses a malformed request instead of passing it to the page', () => {
    const channel = new UiRequestChannel();
    expect(() => channel.send({ kind: 'openTicket', ticketId: '' })).toThrow();
    expect(() => channel.send({ kind: 'openView', view: 'everything' } as never)).toThrow();
  });
});
