import { describe, expect, it } from 'vitest';
import { checkServerAddress, isLoopbackHost, transportOf } from '../../../sync/client/server-address.ts';
import { credentialRefusalMessage, isCredentialRefusal, phaseOf } from '../../../sync/client/sync-status.ts';

const strict = { allowPlainHttp: false };
const allowed = { allowPlainHttp: true };

describe('the desk\u2019s server address rule', () => {
  it('accepts HTTPS anywhere', () => {
    for (const url of ['https://motcua.hanoi.gov.vn', 'https://10.20.30.40:8443', 'https://[2001:db8::1]']) {
      expect(checkServerAddress(url, strict)).toEqual({ ok: true, value: 'https' });
    }
  });

  it('accepts plain HTTP to this machine: localhost, 127.0.0.0/8, [::1]', () => {
    for (const url of ['http://localhost:8080', 'http://127.0.0.1:8080', 'http://127.8.9.10', 'http://127.1:8080', 'http://[::1]:8080', 'http://LOCALHOST']) {
      expect({ url, result: checkServerAddress(url, strict) }).toEqual({ url, result: { ok: true, value: 'loopback' } });
    }
  });

  it('refuses plain HTTP on the network, in Vietnamese, unless the administrator allowed it', () => {
    for (const url of ['http://10.20.30.40:8080', 'http://motcua.hanoi.gov.vn', 'http://localhost.evil.example', 'http://127.0.0.1.nip.io', 'http://[::2]', 'http://128.0.0.1', 'http://0.0.0.0:8080']) {
      const result = checkServerAddress(url, strict);
      expect({ url, ok: result.ok }).toEqual({ url, ok: false });
      if (!result.ok) {
        expect(result.error.code).toBe('sync.insecure_url');
        expect(result.error.path).toEqual(['serverUrl']);
        expect(result.error.message).toMatch(/^Địa chỉ máy chủ dùng http:\/\/ không mã hóa/);
        expect(result.error.message).toContain('Cài đặt › Kết nối máy chủ');
      }
      expect(checkServerAddress(url, allowed)).toEqual({ ok: true, value: 'plain-http' });
    }
  });

  it('refuses what is not an http(s) address at all', () => {
    for (const url of ['motcua.hanoi.gov.vn', 'ftp://x', 'javascript:alert(1)', 'file:///etc/passwd', '']) {
      const result = checkServerAddress(url, allowed);
      expect({ url, code: result.ok ? null : result.error.code }).toEqual({ url, code: 'enroll.bad_url' });
    }
  });

  it('names loopback hosts and transports', () => {
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('127.255.255.254')).toBe(true);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('127.0.0.1.example')).toBe(false);
    expect(transportOf('https://x')).toBe('https');
    expect(transportOf('http://127.0.0.1')).toBe('loopback');
    expect(transportOf('http://192.168.1.5')).toBe('plain-http');
    expect(transportOf('not a url')).toBeNull();
  });
});

describe('a refused desk credential', () => {
  it('is final for 401 desk.unauthorized and 403 desk.revoked only', () => {
    expect(isCredentialRefusal({ kind: 'refused', code: 'desk.revoked' })).toBe(true);
    expect(isCredentialRefusal({ kind: 'refused', code: 'desk.unauthorized' })).toBe(true);
    expect(isCredentialRefusal({ kind: 'refused', code: 'event.unknown_officer' })).toBe(false);
    expect(isCredentialRefusal({ kind: 'server', code: 'desk.revoked' })).toBe(false);
    expect(phaseOf({ active: true, reachable: true, failure: 'refused', revoked: true })).toBe('revoked');
    expect(credentialRefusalMessage('desk.revoked')).toMatch(/^Quầy đã bị thu hồi quyền đồng bộ/);
    expect(credentialRefusalMessage('desk.unauthorized')).toContain('kích hoạt lại trên máy khác');
    expect(credentialRefusalMessage('desk.revoked')).toContain('hồ sơ trên quầy vẫn được giữ nguyên');
  });
});
