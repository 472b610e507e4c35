import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeBase64NoPad, encodeBase64NoPad } from '../../../src/auth/base64.ts';
import { DEFAULT_ARGON2_PARAMS, createPasswordVerifier } from '../../../src/auth/password-verifier.ts';
import { parseArgon2Verifier } from '../../../src/auth/phc.ts';
import { DomainError } from '../../../src/errors.ts';

const fast = createPasswordVerifier({
  randomBytes: (n) => new Uint8Array(randomBytes(n)),
  params: { memoryKiB: 64, iterations: 1, parallelism: 1 },
});

describe('password verifier (argon2id, PHC)', () => {
  it('accepts the right password and rejects a wrong one', async () => {
    const verifier = await fast.create('mật khẩu đúng');
    expect(verifier).toMatch(/^\$argon2id\$v=19\$m=64,t=1,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(await fast.verify('mật khẩu đúng', verifier)).toBe(true);
    expect(await fast.verify('mật khẩu sai!', verifier)).toBe(false);
    expect(await fast.verify('', verifier)).toBe(false);
  });

  it('treats composed and decomposed Vietnamese letters as the same password', async () => {
    const verifier = await fast.create('Mật khẩu 2025'.normalize('NFC'));
    expect(await fast.verify('Mật khẩu 2025'.normalize('NFD'), verifier)).toBe(true);
  });

  it('salts every verifier from the injected random source', async () => {
    const fixed = createPasswordVerifier({ randomBytes: (n) => new Uint8Array(n).fill(7), params: { memoryKiB: 64, iterations: 1, parallelism: 1 } });
    expect(await fixed.create('password-1')).toBe(await fixed.create('password-1'));
    expect(await fast.create('password-1')).not.toBe(await fast.create('password-1'));
  });

  it('verifies the RFC 9106 reference-compatible output of another argon2id implementation', async () => {
    // Produced by the argon2 reference CLI: echo -n password | argon2 somesalt -id -t 2 -m 16 -p 1 -l 32 -e
    const reference = '$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc';
    expect(await fast.verify('password', reference)).toBe(true);
    expect(await fast.verify('Password', reference)).toBe(false);
  });

  it('refuses passwords shorter than 8 characters', async () => {
    await expect(fast.create('ngắn')).rejects.toMatchObject({ code: 'auth.weak_password' });
  });

  it('reports malformed verifiers with auth.bad_verifier', async () => {
    const bad = [
      '',
      'plain text',
      '$argon2i$v=19$m=64,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc',
      '$argon2id$v=16$m=64,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc',
      '$argon2id$v=19$m=4194304,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc',
      '$argon2id$v=19$m=64,t=0,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc',
      '$argon2id$v=19$m=8,t=1,p=2$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc',
      '$argon2id$v=19$m=64,t=1,p=1$c29tZ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc',
      '$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHQ$AAAA',
      '$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHR$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc',
    ];
    for (const verifier of bad) {
      expect(() => parseArgon2Verifier(verifier), verifier).toThrow(DomainError);
      await expect(fast.verify('password', verifier)).rejects.toMatchObject({ code: 'auth.bad_verifier' });
    }
  });

  it('asks for a rehash when the verifier used other parameters', async () => {
    const verifier = await fast.create('password-1');
    expect(fast.needsRehash(verifier)).toBe(false);
    const current = createPasswordVerifier({ randomBytes: (n) => new Uint8Array(n) });
    expect(current.needsRehash(verifier)).toBe(true);
  });

  it('uses RFC 9106\u2019s 64 MiB, t=3 setting by default (the threat model\u2019s cost per guess) and stays within a login-sized time here', async () => {
    expect(DEFAULT_ARGON2_PARAMS).toEqual({ memoryKiB: 65_536, iterations: 3, parallelism: 1 });
    const passwords = createPasswordVerifier({ randomBytes: (n) => new Uint8Array(randomBytes(n)) });
    const verifier = await passwords.create('mật khẩu mặc định');
    expect(parseArgon2Verifier(verifier)).toMatchObject(DEFAULT_ARGON2_PARAMS);
    const started = performance.now();
    expect(await passwords.verify('mật khẩu mặc định', verifier)).toBe(true);
    expect(performance.now() - started).toBeLessThan(3_000);
    // Two runs at the real cost (create, verify): room beyond the default 5 s on a loaded machine.
  }, 20_000);
});

describe('unpadded base64', () => {
  it('round-trips every length', () => {
    for (let length = 0; length < 40; length += 1) {
      const bytes = new Uint8Array(randomBytes(length));
      const text = encodeBase64NoPad(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64').replace(/=+$/, ''));
      expect(decodeBase64NoPad(text)).toEqual(bytes);
    }
  });

  it('rejects non-canonical text', () => {
    expect(decodeBase64NoPad('A')).toBeNull();
    expect(decodeBase64NoPad('AB')).toBeNull(); // leftover bits set
    expect(decodeBase64NoPad('A-==')).toBeNull();
  });
});
