import { describe, expect, it } from 'vitest';
import { readServerConfig } from '../../../sync/server/config.ts';

describe('readServerConfig', () => {
  it('defaults to port 8080 and ./data/server on PGlite', () => {
    expect(readServerConfig([], {})).toEqual({ port: 8080, host: '127.0.0.1', dataDir: './data/server' });
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
