// Bundles Electron's main and preload to dist-electron/*.cjs (package.json "main").
// The preload runs sandboxed, where require() knows only a few modules: it is bundled
// whole and checked for stray Node built-ins.
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const sandboxAllowed = new Set(['electron', 'events', 'timers', 'url']);

export async function buildElectron({ production = process.env.NODE_ENV === 'production' } = {}) {
  const common = {
    absWorkingDir: root,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node22',
    sourcemap: production ? false : 'linked',
    minify: production,
    logLevel: 'warning',
    external: ['electron'],
  };
  await build({
    ...common,
    entryPoints: ['electron/main/index.ts'],
    outfile: 'dist-electron/main.cjs',
    // Production dependencies ship in node_modules inside the package.
    packages: 'external',
  });
  const preload = await build({
    ...common,
    entryPoints: ['electron/preload/index.ts'],
    outfile: 'dist-electron/preload.cjs',
    metafile: true,
  });
  const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
  const stray = Object.values(preload.metafile.outputs)
    .flatMap((output) => output.imports)
    .map((entry) => entry.path)
    .filter((path) => builtins.has(path) && !sandboxAllowed.has(path));
  if (stray.length > 0) throw new Error(`The sandboxed preload may not require ${[...new Set(stray)].join(', ')}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildElectron().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
