// The outbox's way out: sends a reply into its ticket's topic through the gateway and says
// which failures are worth retrying.
import type { Ticket } from '../../../src-preload/contract';
import type { ReplySender, SentReply } from '../outbox/outbox.service';
import type { SendFailure } from '../outbox/outbox.backoff';
import { splitMessage } from '../telegram/message.split';
import { TelegramError, type TelegramGateway, type TgForumRef } from '../telegram/telegram.gateway';

const permanentReasons: Record<string, string> = {
  TOPIC_CLOSED: 'The topic is closed in Telegram. Reopen it there, then retry.',
  TOPIC_DELETED: 'The topic was deleted in Telegram.',
  CHAT_WRITE_FORBIDDEN: 'Your Telegram account may not write in this group.',
  CHAT_ADMIN_REQUIRED: 'Only group admins may write here.',
  USER_BANNED_IN_CHANNEL: 'Your Telegram account is banned from this group.',
  MESSAGE_TOO_LONG: 'The message is too long for Telegram.',
  NOT_A_TELEGRAM_TOPIC: 'This ticket is not a Telegram topic of a forum this workspace serves.',
  CHANNEL_PRIVATE: 'Your Telegram account is no longer a member of this group.',
};

export function classifyTelegramFailure(error: unknown): SendFailure {
  if (!(error instanceof TelegramError)) {
    return { kind: 'retry', reason: error instanceof Error ? error.message : String(error), afterMs: null };
  }
  switch (error.kind) {
    case 'flood':
    case 'slowmode':
      return { kind: 'retry', reason: `Telegram asks to wait ${error.seconds ?? 0}s`, afterMs: (error.seconds ?? 1) * 1000 };
    case 'network':
      return { kind: 'retry', reason: 'No connection to Telegram', afterMs: null };
    case 'revoked':
      return { kind: 'retry', reason: 'Signed out of Telegram', afterMs: null };
    case 'permanent':
    case 'invalid_input':
      return { kind: 'permanent', reason: permanentReasons[error.errorMessage] ?? `Telegram refused the message (${error.errorMessage}).` };
  }
}

export function createTelegramReplySender(deps: {
  gateway(): TelegramGateway | null;
  forumRef(chatId: string): TgForumRef | null;
  isReady(): boolean;
}): ReplySender {
  return {
    isReady: deps.isReady,
    classifyFailure: classifyTelegramFailure,
    async sendReply(ticket: Ticket, text: string): Promise<SentReply> {
      const gateway = deps.gateway();
      if (!gateway) throw new TelegramError('network', 'NOT_SIGNED_IN');
      const forum = ticket.chatId ? deps.forumRef(ticket.chatId) : null;
      if (!forum || ticket.topicId === null) {
        throw new TelegramError('permanent', 'NOT_A_TELEGRAM_TOPIC');
      }
      const sent = await gateway.sendText(forum, ticket.topicId, text);
      const parts = splitMessage(text);
      return {
        sentAt: sent.date,
        // The gateway splits the same way; if it ever differs, keep the whole text on the first part.
        parts: sent.msgIds.map((msgId, i) => ({ msgId, text: parts.length === sent.msgIds.length ? (parts[i] ?? '') : i === 0 ? text : '' })),
      };
    },
  };
}
