import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
// electron-builder's own loader and schema validator (the code `npm run dist` runs).
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: unknown): Promise<Record<string, unknown>>;
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
};
const projectDir = fileURLToPath(new URL('../../../', import.meta.url));
const quietLogger = { isEnabled: false, add: () => undefined };

describe('electron-builder.yml', { timeout: 30_000 }, () => {
  it('passes electron-builder configuration schema', async () => {
    const config = await getConfig(projectDir, 'electron-builder.yml', null);
    await expect(validateConfiguration(config, quietLogger)).resolves.toBeUndefined();
  });

  it('has the product identity, targets, Vietnamese installer and update feed', async () => {
    const config = (await getConfig(projectDir, 'electron-builder.yml', null)) as {
      appId: string;
      productName: string;
      directories: { buildResources: string };
      files: { filter: string[] }[];
      win: { target: unknown };
      nsis: unknown;
      linux: { target: { target: string }[] };
      publish: unknown;
    };
    expect(config.appId).toBe('vn.motcua.desk');
    expect(config.productName).toBe('Một Cửa');
    expect(config.directories.buildResources).toBe('build');
    expect(config.files[0]?.filter).toEqual(expect.arrayContaining(['dist/renderer/**/*', 'dist-electron/**/*']));
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({ installerLanguages: ['vi_VN'], language: '1066' });
    expect(config.linux.target.map((target: { target: string }) => target.target)).toEqual(['AppImage', 'deb']);
    expect(config.publish).toEqual([{ provider: 'generic', url: 'http://localhost:8080/updates/', channel: 'latest' }]);
  });

  it('rejects a configuration with a misspelt option (the validator is live)', async () => {
    const config = await getConfig(projectDir, 'electron-builder.yml', null);
    await expect(validateConfiguration({ ...config, nsis: { instalerLanguages: ['vi_VN'] } }, quietLogger)).rejects.toThrow(/Invalid configuration object[\s\S]*configuration\.nsis/);
  });
});
