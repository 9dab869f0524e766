// What a person reads when sign-in fails: Telegram's error codes in plain words. Pure.
import { TelegramError } from '../telegram/telegram.gateway';

const messages: Record<string, string> = {
  PHONE_NUMBER_INVALID: 'That phone number is not valid. Include the country code, e.g. +44 7700 900123.',
  PHONE_NUMBER_BANNED: 'Telegram has banned this phone number.',
  PHONE_CODE_INVALID: 'That code is not right. Check the latest code Telegram sent you.',
  PHONE_CODE_EMPTY: 'Enter the code Telegram sent you.',
  PHONE_CODE_EXPIRED: 'That code has expired. Ask for a new one.',
  PASSWORD_HASH_INVALID: 'Wrong password. This is your Telegram two-step verification password.',
  SESSION_PASSWORD_NEEDED: 'This account has two-step verification: enter its password.',
  AUTH_TOKEN_EXPIRED: 'The QR code expired. A new one is on its way.',
};

export function waitText(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} minutes`;
  return `${Math.round(seconds / 3600)} hours`;
}

export function signInErrorText(error: unknown): string {
  if (error instanceof TelegramError) {
    if (error.kind === 'flood' || error.kind === 'slowmode') {
      return `Telegram asks you to wait ${waitText(error.seconds ?? 0)} before trying again.`;
    }
    if (error.kind === 'network') return 'Cannot reach Telegram. Check the connection and try again.';
    if (error.kind === 'revoked') return 'Your Telegram session ended. Sign in again; your tickets are kept.';
    return messages[error.errorMessage] ?? `Telegram said: ${error.errorMessage}`;
  }
  return error instanceof Error ? error.message : String(error);
}
