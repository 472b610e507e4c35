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

/** Builds the renderer once and serves the built files, as the desk app would load them. */
export default async function setup(project: TestProject) {
  findChromium();
  await build({ configFile: viteConfig, mode: 'production', logLevel: 'warn' });
  const server = await preview({ configFile: viteConfig, preview: { port: 0, host: '127.0.0.1', strictPort: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  project.provide('rendererUrl', url);
  return async () => {
    await server.close();
  };
}
