// The order numbers a ticket's customer wrote.
import { describe, expect, it } from 'vitest';
import { orderNumbersMentioned } from './ticket.mentions';

const msg = (text: string, sentAt: number, kind: 'customer' | 'agent' | 'note' = 'customer', deleted = false) => ({ kind, text, sentAt, deleted });

describe('orderNumbersMentioned', () => {
  it('reads customer messages oldest first, each number once, and the topic title', () => {
    const numbers = orderNumbersMentioned({ subject: 'Order #1041', source: 'telegram' }, [
      msg('also #1042 and order 1041', 30),
      msg('my order #1043', 10),
    ]);
    expect(numbers).toEqual(['1041', '1043', '1042']);
  });

  it('ignores agents, notes, deleted messages and the title of a non-Telegram ticket', () => {
    const numbers = orderNumbersMentioned({ subject: '#2000', source: 'api' }, [
      msg('#3000', 1, 'agent'),
      msg('#4000', 2, 'note'),
      msg('#5000', 3, 'customer', true),
      msg('nothing here, call +1 415 555 0142', 4),
    ]);
    expect(numbers).toEqual([]);
  });

  it('finds the store prefix and stops at the limit', () => {
    const texts = [msg('D2034 and #1001 #1002 #1003', 1)];
    expect(orderNumbersMentioned({ subject: '', source: 'telegram' }, texts, { prefixes: ['D'] }, 2)).toEqual(['D2034', '1001']);
  });
});
