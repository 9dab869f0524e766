// The one-line preview of a message that the ticket list shows. Pure.
import type { Message } from '../../../src-preload/contract';

export const previewOf = (message: Pick<Message, 'text' | 'media'>) =>
  (message.text || (message.media ? `[${message.media.kind}]` : '')).replace(/\s+/g, ' ').trim().slice(0, 140);
