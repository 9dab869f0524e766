// Tests for the fake's server-side SRP: gramjs's real computeCheck must pass with the right
// password and fail with a wrong one.
import { Api, helpers } from 'telegram';
import { computeCheck } from 'telegram/Password';
import { describe, expect, it } from 'vitest';
import { newSrpAlgo, srpChallenge, srpVerifier, srpVerify, toKdfAlgo } from './fake-srp';

describe('fake SRP', () => {
  it('accepts the proof for the right password and rejects a wrong one', async () => {
    const algo = newSrpAlgo();
    const verifier = await srpVerifier(algo, 'correct horse');
    const challenge = srpChallenge(verifier);
    const password = new Api.account.Password({
      hasPassword: true,
      currentAlgo: toKdfAlgo(algo),
      srp_B: challenge.B,
      srpId: helpers.returnBigInt(77),
      newAlgo: new Api.PasswordKdfAlgoUnknown(),
      newSecureAlgo: new Api.SecurePasswordKdfAlgoUnknown(),
      secureRandom: Buffer.alloc(32),
    });
    const good = await computeCheck(password, 'correct horse');
    expect(srpVerify(algo, verifier, challenge, { A: good.A, M1: good.M1 })).toBe(true);
    const bad = await computeCheck(password, 'wrong horse');
    expect(srpVerify(algo, verifier, challenge, { A: bad.A, M1: bad.M1 })).toBe(false);
    // A proof made for another challenge does not verify either.
    expect(srpVerify(algo, verifier, srpChallenge(verifier), { A: good.A, M1: good.M1 })).toBe(false);
  });

  it('rejects degenerate A values', async () => {
    const algo = newSrpAlgo();
    const verifier = await srpVerifier(algo, 'pw');
    const challenge = srpChallenge(verifier);
    expect(srpVerify(algo, verifier, challenge, { A: Buffer.from([1]), M1: Buffer.alloc(32) })).toBe(false);
    expect(srpVerify(algo, verifier, challenge, { A: Buffer.alloc(0), M1: Buffer.alloc(32) })).toBe(false);
  });
});
