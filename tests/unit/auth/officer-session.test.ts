import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeBase64Url, encodeBase64NoPad, encodeBase64Url } from '../../../src/auth/base64.ts';
import { deskVerifierOf, formatDeskVerifier, parseDeskVerifier } from '../../../src/auth/desk-verifier.ts';
import { hmacSha256, sha256Bytes } from '../../../src/auth/hmac.ts';
import {
  createEventSigner,
  createSessionChecker,
  newSessionId,
  officerKeyOf,
  officerKeyOfVerifier,
  openOfficerSession,
  sessionKeyOf,
  sessionMessage,
} from '../../../src/auth/officer-session.ts';
import { createPasswordVerifier } from '../../../src/auth/password-verifier.ts';
import { parseArgon2Verifier } from '../../../src/auth/phc.ts';
import { parseEvent } from '../../../src/dossier/events.ts';
import type { DossierEvent } from '../../../src/dossier/events.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/**
 * Known answers computed outside this code (Node's crypto.createHmac / createHash, OpenSSL), so the
 * desk, the server and any other implementation of the scheme can be checked against them.
 */
const H = new Uint8Array(Array.from({ length: 32 }, (_, i) => i));
const SESSION_ID = 'AAECAwQFBgcICQoLDA0ODw';
const DESK = '000.00.12.H23#1';
const K_HEX = '5614f7ba0c2a2760f8d8e0d19d601ea99a8eb9c782ae589af8ac5aa16e216f44';
const S_HEX = '01f00ac18a036e8dde6f4f86d1b182893360e5d64c88a8412d98e2f573fad511';
const MAC = '3vD_eVxF8JOoqZ0WuNoA1w';
const PHC = '$argon2id$v=19$m=65536,t=3,p=1$AQEBAQEBAQEBAQEBAQEBAQ$AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8';
const DESK_VERIFIER = '$motcua-desk-v1$argon2id$v=19$m=65536,t=3,p=1,l=32$AQEBAQEBAQEBAQEBAQEBAQ$Yw3NKWbEM2aRElRIu7JbT/QSpJxzLbLIq8G4WBvXEN0';

function note(overrides: Record<string, unknown> = {}): DossierEvent {
  const parsed = parseEvent({
    id: '019a9f3c-8e00-7000-8000-000000000001',
    dossierCode: '000.00.12.H23-251124-1001',
    type: 'NOTE',
    at: '2025-11-24T02:00:00.000Z',
    serverAt: null,
    officerId: 'officer-1',
    deskId: DESK,
    unitId: '000.00.12.H23',
    schemaVersion: 1,
    payload: { text: 'Đã gọi điện hẹn công dân' },
    ...overrides,
  });
  if (!parsed.ok) throw parsed.error;
  return parsed.value;
}

describe('HMAC-SHA256 and SHA-256 (hash-wasm)', () => {
  it('gives the RFC 4231 and FIPS 180 answers', async () => {
    // RFC 4231 test case 2.
    expect(hex(await hmacSha256(new TextEncoder().encode('Jefe'), 'what do ya want for nothing?'))).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
    // RFC 4231 test case 6: a key longer than the block is hashed first.
    expect(hex(await hmacSha256(new Uint8Array(131).fill(0xaa), 'Test Using Larger Than Block-Size Key - Hash Key First'))).toBe(
      '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
    );
    expect(hex(await sha256Bytes('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('officer and session keys (known answers)', () => {
  it('derives K from H, S from K, desk and session, and the MAC of an event', async () => {
    expect(hex(await officerKeyOf(H))).toBe(K_HEX);
    expect(hex(await officerKeyOfVerifier(PHC))).toBe(K_HEX);
    expect(hex(await sessionKeyOf(Buffer.from(K_HEX, 'hex'), { deskId: DESK, officerId: 'officer-1', id: SESSION_ID }))).toBe(S_HEX);
    const session = await openOfficerSession({ passwordHash: H, officerId: 'officer-1', deskId: DESK, sessionId: SESSION_ID });
    expect(hex(session.key)).toBe(S_HEX);
    const signed = (await createEventSigner(session)).sign(note());
    expect(signed.session).toEqual({ id: SESSION_ID, mac: MAC });
    // What the MAC covers: the event without its session and server time, keys sorted.
    expect(sessionMessage({ ...signed, serverAt: '2025-11-24T02:05:00.000Z' })).toBe(
      '{"at":"2025-11-24T02:00:00.000Z","deskId":"000.00.12.H23#1","dossierCode":"000.00.12.H23-251124-1001","id":"019a9f3c-8e00-7000-8000-000000000001","officerId":"officer-1","payload":{"text":"Đã gọi điện hẹn công dân"},"schemaVersion":1,"type":"NOTE","unitId":"000.00.12.H23"}',
    );
    // A signed event is a valid event (the envelope's session field).
    expect(parseEvent(signed)).toMatchObject({ ok: true, value: { session: { id: SESSION_ID, mac: MAC } } });
  });

  it('makes 128-bit session ids from the injected random source', () => {
    expect(newSessionId(() => new Uint8Array(Array.from({ length: 16 }, (_, i) => i)))).toBe(SESSION_ID);
    const id = newSessionId((n) => new Uint8Array(randomBytes(n)));
    expect(decodeBase64Url(id)).toHaveLength(16);
    expect(() => newSessionId(() => new Uint8Array(3))).toThrow(expect.objectContaining({ code: 'auth.bad_random' }));
  });

  it('round-trips URL-safe base64 and refuses the standard alphabet in it', () => {
    const bytes = new Uint8Array([0xfb, 0xff, 0xbf, 0x00]);
    expect(encodeBase64Url(bytes)).toBe('-_-_AA');
    expect(decodeBase64Url('-_-_AA')).toEqual(bytes);
    expect(decodeBase64Url('+/+/AA')).toBeNull();
  });
});

describe('session signatures', () => {
  const session = () => openOfficerSession({ passwordHash: H, officerId: 'officer-1', deskId: DESK, sessionId: SESSION_ID });

  it('verify for the officer and desk they were made for, and for nothing else', async () => {
    const signed = (await createEventSigner(await session())).sign(note());
    const officer = { id: 'officer-1', key: await officerKeyOf(H) };
    expect(await createSessionChecker(officer, DESK).verify(signed)).toBe(true);
    // Pulled back with the server's time: still the same event.
    expect(await createSessionChecker(officer, DESK).verify({ ...signed, serverAt: '2025-11-24T02:05:00.000Z' })).toBe(true);

    expect(await createSessionChecker(officer, '000.00.12.H23#2').verify(signed)).toBe(false);
    const otherKey = { id: 'officer-1', key: await officerKeyOf(new Uint8Array(32).fill(9)) };
    expect(await createSessionChecker(otherKey, DESK).verify(signed)).toBe(false);
    // Another account given the same verifier (same H) cannot sign for this one, nor this one for it.
    const sameHash = { id: 'officer-2', key: officer.key };
    expect(await createSessionChecker(sameHash, DESK).verify({ ...signed, officerId: 'officer-2' })).toBe(false);
    expect(await createSessionChecker(sameHash, DESK).verify(signed)).toBe(false);
    const tampered = { ...signed, payload: { text: 'Đã gọi điện hẹn công dân.' } } as DossierEvent;
    expect(await createSessionChecker(officer, DESK).verify(tampered)).toBe(false);
    const otherSession = { ...signed, session: { id: 'AQECAwQFBgcICQoLDA0ODw', mac: MAC } };
    expect(await createSessionChecker(officer, DESK).verify(otherSession)).toBe(false);
    const { session: _none, ...unsigned } = signed;
    expect(await createSessionChecker(officer, DESK).verify(unsigned as DossierEvent)).toBe(false);
  });

  it('keeps a signature already made and refuses to sign for another officer', async () => {
    const signer = await createEventSigner(await session());
    const signed = signer.sign(note());
    expect(signer.sign(signed)).toBe(signed);
    expect(() => signer.sign(note({ officerId: 'officer-2' }))).toThrow(expect.objectContaining({ code: 'event.wrong_officer', path: ['officerId'] }));
  });

  it('the event schema refuses a malformed session', () => {
    for (const bad of [{ id: SESSION_ID }, { id: 'ngắn', mac: MAC }, { id: SESSION_ID, mac: 'xOzc8GioYveMV2j-HPmfVh' }, { id: SESSION_ID, mac: MAC, extra: 1 }]) {
      expect(parseEvent({ ...note(), session: bad })).toMatchObject({ ok: false, error: { code: 'event.bad_shape', path: expect.arrayContaining(['session']) } });
    }
  });
});

describe('desk verifier', () => {
  const fast = createPasswordVerifier({ randomBytes: (n) => new Uint8Array(randomBytes(n)), params: { memoryKiB: 64, iterations: 1, parallelism: 1 } });

  it('is the server verifier with SHA-256(H) in place of H (known answer)', async () => {
    expect(await deskVerifierOf(PHC)).toBe(DESK_VERIFIER);
    const parsed = parseDeskVerifier(DESK_VERIFIER);
    expect(parsed).toMatchObject({ memoryKiB: 65_536, iterations: 3, parallelism: 1, hashLength: 32 });
    expect(formatDeskVerifier(parsed)).toBe(DESK_VERIFIER);
    expect(DESK_VERIFIER).not.toContain(encodeBase64NoPad(H));
  });

  it('checks a typed password offline and yields the H of the server verifier, so the same officer key', async () => {
    const server = await fast.create('mật khẩu của Lan');
    const desk = await deskVerifierOf(server);
    const h = await fast.unlock('mật khẩu của Lan', desk);
    expect(h).toEqual(parseArgon2Verifier(server).hash);
    expect(hex(await officerKeyOf(h!))).toBe(hex(await officerKeyOfVerifier(server)));
    expect(await fast.verify('mật khẩu của Lan'.normalize('NFD'), desk)).toBe(true);
    expect(await fast.unlock('mật khẩu của Lam', desk)).toBeNull();
    expect(await fast.unlock('', desk)).toBeNull();
    expect(fast.needsRehash(desk)).toBe(false);
  });

  it('refuses malformed or out-of-bounds desk verifiers', async () => {
    const good = await deskVerifierOf(await fast.create('mật khẩu của Lan'));
    for (const bad of [
      good.replace('m=64,', 'm=999999999,'),
      good.replace('l=32', 'l=8'),
      good.slice(0, -4),
      good.replace('$motcua-desk-v1$', '$motcua-desk-v2$'),
      `${good}$`,
    ]) {
      await expect(fast.unlock('mật khẩu của Lan', bad)).rejects.toMatchObject({ code: 'auth.bad_verifier' });
    }
  });
});
