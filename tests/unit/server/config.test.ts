import { describe, expect, it } from 'vitest';
import { readServerConfig, readTlsFiles } from '../../../sync/server/config.ts';

describe('readServerConfig', () => {
  it('defaults to port 8080 and ./data/server on PGlite', () => {
    expect(readServerConfig([], {})).toEqual({ port: 8080, host: '127.0.0.1', dataDir: './data/server', blobDir: 'data/attachments' });
  });

  it('keeps uploaded papers beside the data, in --blobs / MOTCUA_BLOB_DIR, or in S3 when a bucket is named', () => {
    expect(readServerConfig(['--data', '/srv/motcua/db'], {}).blobDir).toBe('/srv/motcua/attachments');
    expect(readServerConfig(['--blobs', '/srv/files'], { MOTCUA_BLOB_DIR: '/ignored' }).blobDir).toBe('/srv/files');
    expect(readServerConfig([], { MOTCUA_BLOB_DIR: '/srv/files' }).blobDir).toBe('/srv/files');
    expect(readServerConfig([], { MOTCUA_S3_BUCKET: 'giay-to', MOTCUA_S3_ENDPOINT: 'http://127.0.0.1:9000', MOTCUA_S3_FORCE_PATH_STYLE: 'true' }).s3).toEqual({
      endpoint: 'http://127.0.0.1:9000',
      bucket: 'giay-to',
      region: 'us-east-1',
      forcePathStyle: true,
    });
  });

  it('takes PORT, DATA_DIR and DATABASE_URL from the environment', () => {
    const config = readServerConfig([], { PORT: '9000', DATA_DIR: '/srv/motcua', DATABASE_URL: 'postgres://u@h/db' });
    expect(config).toMatchObject({ port: 9000, dataDir: '/srv/motcua', databaseUrl: 'postgres://u@h/db' });
  });

  it('lets flags win over the environment', () => {
    expect(readServerConfig(['--port', '81', '--data', 'd'], { PORT: '9000', DATA_DIR: 'x' })).toMatchObject({
      port: 81,
      dataDir: 'd',
    });
  });

  it('rejects a bad port and an unknown flag', () => {
    expect(() => readServerConfig(['--port', 'abc'], {})).toThrow(/port/);
    expect(() => readServerConfig(['--prot', '1'], {})).toThrow();
    expect(() => readServerConfig([], { DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });
});

describe('readServerConfig: HTTPS and reverse proxies', () => {
  it('takes a certificate and key from flags or TLS_CERT_FILE / TLS_KEY_FILE, flags first', () => {
    expect(readServerConfig(['--tls-cert', 'c.pem', '--tls-key', 'k.pem'], {})).toMatchObject({ tlsCertFile: 'c.pem', tlsKeyFile: 'k.pem' });
    expect(readServerConfig([], { TLS_CERT_FILE: '/etc/motcua/cert.pem', TLS_KEY_FILE: '/etc/motcua/key.pem' })).toMatchObject({
      tlsCertFile: '/etc/motcua/cert.pem',
      tlsKeyFile: '/etc/motcua/key.pem',
    });
    expect(readServerConfig(['--tls-cert', 'mine.pem'], { TLS_CERT_FILE: 'env.pem', TLS_KEY_FILE: 'k.pem' })).toMatchObject({ tlsCertFile: 'mine.pem' });
  });

  it('refuses a certificate without its key and the other way round', () => {
    expect(() => readServerConfig(['--tls-cert', 'c.pem'], {})).toThrow(/both --tls-cert and --tls-key/);
    expect(() => readServerConfig([], { TLS_KEY_FILE: 'k.pem' })).toThrow(/both --tls-cert and --tls-key/);
  });

  it('trusts a proxy by address, CIDR, named range or everyone, and refuses hop counts and junk', () => {
    expect(readServerConfig(['--trust-proxy', '127.0.0.1'], {}).trustProxy).toEqual(['127.0.0.1']);
    expect(readServerConfig([], { TRUST_PROXY: '10.0.0.0/8, ::1 ,loopback' }).trustProxy).toEqual(['10.0.0.0/8', '::1', 'loopback']);
    expect(readServerConfig([], { TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(readServerConfig([], {}).trustProxy).toBeUndefined();
    expect(() => readServerConfig(['--trust-proxy', '1'], {})).toThrow(/hop count/);
    expect(() => readServerConfig(['--trust-proxy', 'proxy.example'], {})).toThrow(/trustProxy/);
    expect(() => readServerConfig(['--trust-proxy', '10.0.0.0/33'], {})).toThrow(/trustProxy/);
  });
});

describe('readTlsFiles', () => {
  const files: Record<string, string> = { 'cert.pem': '-----BEGIN CERTIFICATE-----\n…', 'key.pem': '-----BEGIN PRIVATE KEY-----\n…', 'junk.der': '\u0030\u0082' };
  const read = (file: string) => {
    const text = files[file];
    if (text === undefined) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${file}'`), { code: 'ENOENT' });
    return Buffer.from(text, 'latin1');
  };

  it('serves plain HTTP without a certificate, and reads both PEM files with one', () => {
    expect(readTlsFiles({}, read)).toBeNull();
    const tls = readTlsFiles({ tlsCertFile: 'cert.pem', tlsKeyFile: 'key.pem' }, read);
    expect(tls?.cert.toString()).toContain('BEGIN CERTIFICATE');
    expect(tls?.key.toString()).toContain('BEGIN PRIVATE KEY');
  });

  it('names the missing or unreadable file', () => {
    expect(() => readTlsFiles({ tlsCertFile: 'missing.pem', tlsKeyFile: 'key.pem' }, read)).toThrow(/TLS certificate file missing\.pem: ENOENT/);
    expect(() => readTlsFiles({ tlsCertFile: 'cert.pem', tlsKeyFile: 'gone.pem' }, read)).toThrow(/TLS key file gone\.pem/);
    expect(() => readTlsFiles({ tlsCertFile: 'junk.der', tlsKeyFile: 'key.pem' }, read)).toThrow(/junk\.der is not in PEM format/);
  });
});
