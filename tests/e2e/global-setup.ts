import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { findChromium } from './support/chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    rendererUrl: string;
  }
}

const viteConfig = fileURLToPath(new URL('../../renderer/vite.config.ts', import.meta.url));

/**
 * Builds the renderer once and serves the built files, as the desk app would load them.
 * The build goes to a folder of this run's own, so a concurrent build (another run,
 * `npm run build:renderer`) can never pull files from under the tests.
 */
export default async function setup(project: TestProject) {
  findChromium();
  const outDir = mkdtempSync(join(tmpdir(), 'motcua-e2e-renderer-'));
  await build({ configFile: viteConfig, mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await preview({
    configFile: viteConfig,
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  project.provide('rendererUrl', url);
  return async () => {
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  };
}
