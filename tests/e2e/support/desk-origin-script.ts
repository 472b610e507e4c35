import { build } from 'esbuild';
import type { BrowserContext } from 'playwright-core';
import { inject } from 'vitest';

const bundles = new Map<string, Promise<string>>();

function bundleOf(entry: URL): Promise<string> {
  let bundle = bundles.get(entry.pathname);
  if (!bundle) {
    bundle = build({ entryPoints: [entry.pathname], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2022', logLevel: 'error' }).then(
      (result) => result.outputFiles[0]?.text ?? '',
    );
    bundles.set(entry.pathname, bundle);
  }
  return bundle;
}

/**
 * Runs `window[name](input)`, defined by the bundled `entry`, in a blank page of the renderer's
 * origin of `context`: the desk's own IndexedDB and key are there. Call it while no page of the
 * context has the desk open.
 */
export async function runInDeskOrigin<I, O>(context: BrowserContext, entry: URL, name: string, input: I): Promise<O> {
  const url = new URL(`${name}.html`, inject('rendererUrl')).toString();
  const page = await context.newPage();
  try {
    await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>${name}</title>` }));
    await page.goto(url);
    await page.addScriptTag({ content: await bundleOf(entry) });
    return (await page.evaluate(([fn, value]) => (window as unknown as Record<string, (v: unknown) => Promise<unknown>>)[fn]!(value), [name, input] as const)) as O;
  } finally {
    await page.close();
  }
}
