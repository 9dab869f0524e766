// The order of a thread: by time, and within the same second (Telegram dates are whole
// seconds) by Telegram's message id, which is the order the chat itself shows. Pure.
import type { Message } from '../../../src-preload/contract';

const telegramSequence = (id: string): number => {
  const match = /^tg:[^:]+:(\d+)$/.exec(id);
  return match ? Number(match[1]) : Number.MAX_SAFE_INTEGER;
};

export function compareThreadMessages(a: Message, b: Message): number {
  return a.sentAt - b.sentAt || telegramSequence(a.id) - telegramSequence(b.id) || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
