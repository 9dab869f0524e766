// Classifies what gramjs throws into a TelegramError the core can act on (retry, back off,
// sign in again, give up, ask the user). Pure; runs in the main process.
import { errors } from 'telegram';
import { TelegramError } from './telegram.gateway';

/** The session is gone (logged out elsewhere, expired, account deleted): sign in again. */
const REVOKED = new Set([
  'AUTH_KEY_UNREGISTERED',
  'AUTH_KEY_INVALID',
  'AUTH_KEY_PERM_EMPTY',
  'SESSION_REVOKED',
  'SESSION_EXPIRED',
  'USER_DEACTIVATED',
  'USER_DEACTIVATED_BAN',
]);

/** Something the person typed is wrong: show it and let them try again. */
const INVALID_INPUT = new Set([
  'PHONE_NUMBER_INVALID',
  'PHONE_NUMBER_UNOCCUPIED',
  'PHONE_CODE_INVALID',
  'PHONE_CODE_EXPIRED',
  'PHONE_CODE_EMPTY',
  'PHONE_CODE_HASH_EMPTY',
  'PASSWORD_HASH_INVALID',
  'SRP_ID_INVALID',
  'SRP_PASSWORD_CHANGED',
  'MESSAGE_EMPTY',
]);

/** Telegram's side is struggling: worth retrying like a network failure. */
const TRANSIENT = new Set(['RPC_CALL_FAIL', 'RPC_MCGET_FAIL', 'TIMEOUT', 'INTERNAL', 'WORKER_BUSY_TOO_LONG_RETRY']);

/** Messages gramjs itself throws when it has no working connection. */
const NETWORK_MESSAGES = [
  /cannot send requests while disconnected/i,
  /not connected/i,
  /connection (closed|reset|refused)/i,
  /\bTIMEOUT\b/,
  /ECONN|ETIMEDOUT|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN/,
  /socket/i,
  /request was unsuccessful/i,
];

export function toTelegramError(error: unknown): TelegramError {
  if (error instanceof TelegramError) return error;
  // Flood errors carry their wait in `seconds`; their errorMessage is only "FLOOD".
  if (error instanceof errors.SlowModeWaitError) {
    return new TelegramError('slowmode', `SLOWMODE_WAIT_${error.seconds}`, { seconds: error.seconds, cause: error });
  }
  if (error instanceof errors.FloodWaitError || error instanceof errors.FloodTestPhoneWaitError) {
    return new TelegramError('flood', `FLOOD_WAIT_${error.seconds}`, { seconds: error.seconds, cause: error });
  }
  if (error instanceof errors.RPCError) {
    const message = error.errorMessage;
    if (REVOKED.has(message)) return new TelegramError('revoked', message, { cause: error });
    if (INVALID_INPUT.has(message)) return new TelegramError('invalid_input', message, { cause: error });
    // 5xx is Telegram's own trouble; -503 is its "timed out" (gramjs does not subclass either here).
    const code = error.code ?? 0;
    if (TRANSIENT.has(message) || code >= 500 || code === -503 || error instanceof errors.ServerError || error instanceof errors.TimedOutError) {
      return new TelegramError('network', message, { cause: error });
    }
    return new TelegramError('permanent', message, { cause: error });
  }
  const text = error instanceof Error ? error.message : String(error);
  if (NETWORK_MESSAGES.some((pattern) => pattern.test(text))) return new TelegramError('network', text, { cause: error });
  return new TelegramError('permanent', text, { cause: error });
}
