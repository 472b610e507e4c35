import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The benchmark pages, served beside the built renderer (same origin) by run-desk-bench.ts. */
export default defineConfig({
  root: here('.'),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: here('../../../dist/bench-desk'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 5_000,
    rollupOptions: { input: { index: here('index.html'), 'raw-cold': here('raw-cold.html'), 'store-cold': here('store-cold.html') } },
  },
});
