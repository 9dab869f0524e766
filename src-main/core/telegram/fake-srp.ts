// The server side of Telegram's SRP 2FA check, for FakeTelegram: issues B for
// account.GetPassword and verifies the client's M1 in auth.CheckPassword, so a wrong
// password really fails. Test and demo support; runs in the main process.
import { createHash, randomBytes } from 'node:crypto';
import { computeDigest } from 'telegram/Password';
import { Api } from 'telegram';

/** Telegram's 2048-bit safe prime for SRP (the one gramjs accepts), with g = 3. */
export const SRP_PRIME = Buffer.from(
  'c71caeb9c6b1c9048e6c522f70f13f73980d40238e3e21c14934d037563d930f' +
    '48198a0aa7c14058229493d22530f4dbfa336f6e0ac925139543aed44cce7c37' +
    '20fd51f69458705ac68cd4fe6b6b13abdc9746512969328454f18faf8c595f64' +
    '2477fe96bb2a941d5bcd1d4ac8cc49880708fa9b378e3c4f3a9060bee67cf9a4' +
    'a4a695811051907e162753b56b0f6b410dba74d8a84b2a14b3144e0ef1284754' +
    'fd17ed950d5965b4b9dd46582db1178d169c6bc465b0d6ff9ca3928fef5b9ae4' +
    'e418fc15e83ebea0f87fa9ff5eed70050ded2849f47bf959d956850ce929851f' +
    '0d8115f635b105ee2e4e15d04b2454bf6f4fadf034b10403119cd8e3b92fcc5b',
  'hex',
);
export const SRP_G = 3;

const P = BigInt(`0x${SRP_PRIME.toString('hex')}`);
const G = BigInt(SRP_G);

const sha256 = (...parts: Buffer[]): Buffer => createHash('sha256').update(Buffer.concat(parts)).digest();
const toBig = (bytes: Buffer): bigint => (bytes.length === 0 ? 0n : BigInt(`0x${bytes.toString('hex')}`));
const to256 = (value: bigint): Buffer => Buffer.from(value.toString(16).padStart(512, '0'), 'hex');

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

/** The key derivation parameters a password was set with (what account.Password shows). */
export interface SrpAlgo {
  salt1: Buffer;
  salt2: Buffer;
}

export function newSrpAlgo(): SrpAlgo {
  return { salt1: randomBytes(40), salt2: randomBytes(16) };
}

export function toKdfAlgo(algo: SrpAlgo): Api.PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow {
  return new Api.PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow({
    salt1: algo.salt1,
    salt2: algo.salt2,
    g: SRP_G,
    p: SRP_PRIME,
  });
}

/** v = g^x mod p, with x from gramjs's own password hashing (as Telegram stores it). */
export async function srpVerifier(algo: SrpAlgo, password: string): Promise<Buffer> {
  return computeDigest(toKdfAlgo(algo), password);
}

export interface SrpChallenge {
  b: bigint;
  /** B = k·v + g^b mod p, as 256 bytes. */
  B: Buffer;
}

/** gramjs rejects g^b values too close to 0 or p (its isGoodModExpFirst); stay in range. */
function goodModExp(value: bigint): boolean {
  const bits = (x: bigint) => x.toString(2).length;
  const diff = P - value;
  return diff > 0n && bits(diff) >= 2048 - 64 && bits(value) >= 2048 - 64;
}

export function srpChallenge(verifier: Buffer): SrpChallenge {
  const k = toBig(sha256(SRP_PRIME, to256(G)));
  const v = toBig(verifier);
  for (;;) {
    const b = toBig(randomBytes(256));
    const gb = modPow(G, b, P);
    if (!goodModExp(gb)) continue;
    const B = (k * v + gb) % P;
    if (B > 0n) return { b, B: to256(B) };
  }
}

/** Checks the client's proof M1 for its A against the challenge; false for a wrong password. */
export function srpVerify(
  algo: SrpAlgo,
  verifier: Buffer,
  challenge: SrpChallenge,
  proof: { A: Buffer; M1: Buffer },
): boolean {
  const A = toBig(proof.A);
  if (A <= 1n || A >= P - 1n) return false;
  const A256 = to256(A);
  const u = toBig(sha256(A256, challenge.B));
  if (u === 0n) return false;
  const v = toBig(verifier);
  const S = modPow((A * modPow(v, u, P)) % P, challenge.b, P);
  const K = sha256(to256(S));
  const pHash = sha256(SRP_PRIME);
  const gHash = sha256(to256(G));
  const pg = Buffer.from(Array.from(pHash, (byte, i) => byte ^ (gHash[i] ?? 0)));
  const expected = sha256(pg, sha256(algo.salt1), sha256(algo.salt2), A256, challenge.B, K);
  return expected.equals(proof.M1);
}
