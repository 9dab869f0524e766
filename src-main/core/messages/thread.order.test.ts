import { describe, expect, it } from 'vitest';
import type { Message } from '../../../src-preload/contract';
import { compareThreadMessages } from './thread.order';

const message = (id: string, sentAt: number, createdAt = sentAt): Message => ({
  id, ticketId: 't', kind: 'customer', authorId: null, authorName: 'x', text: id, entities: [], media: null,
  sentAt, editedAt: null, deleted: false, delivery: null, createdAt,
});

describe('thread order', () => {
  it('orders same-second Telegram messages by their numeric id, not as strings', () => {
    const sorted = [message('tg:1:10', 1000), message('tg:1:9', 1000), message('tg:1:100', 1000)].sort(compareThreadMessages);
    expect(sorted.map((m) => m.id)).toEqual(['tg:1:9', 'tg:1:10', 'tg:1:100']);
  });

  it('puts local messages of the same second after Telegram ones, by creation time', () => {
    const sorted = [message('local:b', 1000, 5), message('tg:1:3', 1000), message('local:a', 1000, 4), message('tg:1:2', 999)].sort(compareThreadMessages);
    expect(sorted.map((m) => m.id)).toEqual(['tg:1:2', 'tg:1:3', 'local:a', 'local:b']);
  });
});
