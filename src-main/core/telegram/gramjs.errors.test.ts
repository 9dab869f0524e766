// Tests for classifying gramjs errors into TelegramError kinds.
import { Api, errors } from 'telegram';
import { describe, expect, it } from 'vitest';
import { toTelegramError } from './gramjs.errors';
import { TelegramError } from './telegram.gateway';

/** What gramjs's sender builds from Telegram's rpc_error. */
const rpc = (errorCode: number, errorMessage: string): unknown =>
  errors.RPCMessageToError(new Api.RpcError({ errorCode, errorMessage }), new Api.messages.SendMessage({ peer: new Api.InputPeerEmpty(), message: 'x' }));

describe('toTelegramError', () => {
  it('keeps the wait of flood and slow-mode errors', () => {
    expect(toTelegramError(rpc(420, 'FLOOD_WAIT_30'))).toMatchObject({ kind: 'flood', seconds: 30, errorMessage: 'FLOOD_WAIT_30' });
    expect(toTelegramError(rpc(420, 'FLOOD_PREMIUM_WAIT_5'))).toMatchObject({ kind: 'flood', seconds: 5 });
    expect(toTelegramError(rpc(420, 'SLOWMODE_WAIT_12'))).toMatchObject({ kind: 'slowmode', seconds: 12, errorMessage: 'SLOWMODE_WAIT_12' });
  });

  it('recognises a session that is gone', () => {
    for (const message of ['AUTH_KEY_UNREGISTERED', 'SESSION_REVOKED', 'SESSION_EXPIRED', 'USER_DEACTIVATED', 'USER_DEACTIVATED_BAN']) {
      expect(toTelegramError(rpc(401, message))).toMatchObject({ kind: 'revoked', errorMessage: message, seconds: null });
    }
  });

  it('treats wrong codes and passwords as input to correct', () => {
    for (const message of ['PHONE_CODE_INVALID', 'PHONE_CODE_EXPIRED', 'PASSWORD_HASH_INVALID', 'PHONE_NUMBER_INVALID']) {
      expect(toTelegramError(rpc(400, message)).kind).toBe('invalid_input');
    }
  });

  it('treats refusals as permanent, with Telegram’s reason', () => {
    expect(toTelegramError(rpc(400, 'TOPIC_CLOSED'))).toMatchObject({ kind: 'permanent', errorMessage: 'TOPIC_CLOSED' });
    expect(toTelegramError(rpc(403, 'CHAT_WRITE_FORBIDDEN'))).toMatchObject({ kind: 'permanent', errorMessage: 'CHAT_WRITE_FORBIDDEN' });
    expect(toTelegramError(rpc(400, 'MESSAGE_TOO_LONG'))).toMatchObject({ kind: 'permanent', errorMessage: 'MESSAGE_TOO_LONG' });
  });

  it('treats Telegram’s internal trouble and lost connections as network (worth retrying)', () => {
    expect(toTelegramError(rpc(500, 'RPC_CALL_FAIL')).kind).toBe('network');
    expect(toTelegramError(rpc(500, 'SOMETHING_ODD_INTERNALLY')).kind).toBe('network');
    expect(toTelegramError(new Error('Cannot send requests while disconnected. Please reconnect.')).kind).toBe('network');
    expect(toTelegramError(new Error('connect ECONNREFUSED 149.154.167.51:443')).kind).toBe('network');
  });

  it('does not hide programming errors as network trouble', () => {
    const error = toTelegramError(new TypeError('x is not a function'));
    expect(error).toMatchObject({ kind: 'permanent', errorMessage: 'x is not a function' });
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('passes a TelegramError through unchanged', () => {
    const original = new TelegramError('invalid_input', 'MESSAGE_EMPTY');
    expect(toTelegramError(original)).toBe(original);
  });
});
