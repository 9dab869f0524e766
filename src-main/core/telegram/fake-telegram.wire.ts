// The wire side of FakeTelegram: a stand-in for gramjs's MTProtoSender that hands requests
// to the fake as bytes and gives results back as bytes read by the request itself, so TL
// serialisation runs both ways as over a socket. Test and demo support; main process.
import { randomBytes } from 'node:crypto';
import { Api, type TelegramClient, errors } from 'telegram';
import { _handleUpdate } from 'telegram/client/updates';
import { AuthKey } from 'telegram/crypto/AuthKey';
import { BinaryReader } from 'telegram/extensions';
import type { RequestState } from 'telegram/network/RequestState';

/** An RPC error the fake answers with, as Telegram would. */
export class RpcFailure extends Error {
  constructor(
    readonly code: number,
    readonly errorMessage: string,
  ) {
    super(errorMessage);
  }
}

/** The code Telegram sends with an error string (420 flood, 401 session, 403 forbidden, …). */
export function errorCodeFor(errorMessage: string): number {
  if (/^(FLOOD_WAIT|SLOWMODE_WAIT|FLOOD_PREMIUM_WAIT)_/.test(errorMessage)) return 420;
  if (/^(AUTH_KEY_|SESSION_|USER_DEACTIVATED)/.test(errorMessage)) return 401;
  if (/FORBIDDEN|^CHAT_WRITE|^USER_BANNED/.test(errorMessage)) return 403;
  if (/^(INTERNAL|RPC_CALL_FAIL)/.test(errorMessage)) return 500;
  return 400;
}

const BOOL_TRUE = 0x997275b5;
const BOOL_FALSE = 0xbc799737;
const VECTOR = 0x1cb5c415;

function hasBytes(value: unknown): value is { getBytes(): Buffer } {
  return typeof value === 'object' && value !== null && 'getBytes' in value && typeof value.getBytes === 'function';
}

/** Result encoding as on the wire, for TL objects, Bool and vectors of objects. */
function encode(value: unknown): Buffer {
  if (hasBytes(value)) return value.getBytes();
  if (typeof value === 'boolean') {
    const out = Buffer.alloc(4);
    out.writeUInt32LE(value ? BOOL_TRUE : BOOL_FALSE);
    return out;
  }
  if (Array.isArray(value)) {
    const head = Buffer.alloc(8);
    head.writeUInt32LE(VECTOR, 0);
    head.writeInt32LE(value.length, 4);
    return Buffer.concat([head, ...value.map(encode)]);
  }
  throw new Error(`FakeTelegram cannot encode ${String(value)}`);
}

function hasReadResult(value: unknown): value is { readResult(reader: BinaryReader): unknown } {
  return typeof value === 'object' && value !== null && 'readResult' in value && typeof value.readResult === 'function';
}

/** A TL object serialised and read back, so what the client gets is what the wire would carry. */
export function roundTrip<T extends { getBytes(): Buffer }>(value: T): T {
  return new BinaryReader(value.getBytes()).tgReadObject() as T;
}

/** What FakeSender needs from the fake server. */
export interface FakeServerLink {
  readonly isOnline: boolean;
  answer(sender: FakeSender, original: unknown, data: Buffer): Promise<unknown>;
  /** Registers (or finds) the session behind the sender's auth key. */
  sessionFor(sender: FakeSender): unknown;
}

/** What gramjs's MTProtoSender offers the client; this one talks to the fake instead of a socket. */
export class FakeSender {
  userDisconnected = false;
  isReconnecting = false;
  _disconnected = true;
  dcId = 2;
  authKey = new AuthKey();
  private connected = false;

  constructor(
    private readonly server: FakeServerLink,
    readonly client: TelegramClient,
  ) {}

  get keyId(): string | null {
    return this.authKey.keyId?.toString() ?? null;
  }

  get receiving(): boolean {
    return this.connected && !this.userDisconnected && this.server.isOnline;
  }

  /** Like gramjs after its connection retries: false when the network is down. */
  async connect(): Promise<boolean> {
    this.userDisconnected = false;
    if (!this.server.isOnline) {
      _handleUpdate(this.client, -1);
      return false;
    }
    // A restored StringSession brings its key; otherwise this is a fresh one (as after DH).
    const stored = this.client.session.getAuthKey();
    if (stored?.getKey()) this.authKey = stored;
    else await this.authKey.setKey(randomBytes(256));
    this.connected = true;
    this._disconnected = false;
    this.server.sessionFor(this);
    _handleUpdate(this.client, 1);
    return true;
  }

  isConnected(): boolean {
    return this.connected;
  }

  async disconnect(): Promise<void> {
    this.userDisconnected = true;
    this.connected = false;
    this._disconnected = true;
    _handleUpdate(this.client, -1);
  }

  /** gramjs's ping loop asks for this after a failed ping; the fake reconnects by itself. */
  reconnect(): void {}

  /** Used by client.connect (InvokeWithLayer) and the ping loop. */
  send(request: Api.AnyRequest): Promise<unknown> {
    return this.server.answer(this, request, request.getBytes());
  }

  addStateToQueue(state: RequestState): void {
    this.server.answer(this, state.request, state.data).then(state.resolve, state.reject);
  }

  stateChanged(state: -1 | 0 | 1): void {
    if (this.connected && !this.userDisconnected) _handleUpdate(this.client, state);
  }
}

/**
 * Reads the request from its bytes (what a server would see), runs `dispatch`, and returns
 * the result as the client would read it off the wire; RPC failures become the errors
 * gramjs's sender would raise.
 */
export async function answerOnWire(
  original: unknown,
  data: Buffer,
  dispatch: (request: unknown) => Promise<unknown>,
): Promise<unknown> {
  const request: unknown = new BinaryReader(data).tgReadObject();
  try {
    const result = await dispatch(request);
    if (!hasReadResult(original)) return result;
    return original.readResult(new BinaryReader(encode(result)));
  } catch (error) {
    if (!(error instanceof RpcFailure)) throw error;
    const rpc = new Api.RpcError({ errorCode: error.code, errorMessage: error.errorMessage });
    throw errors.RPCMessageToError(rpc, original as Api.AnyRequest);
  }
}
