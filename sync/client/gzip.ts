/**
 * Gzip for request bodies, the one place where the desk's two hosts differ: the renderer
 * (Chromium, Electron) and Node ≥ 18 (tests, benches, tools) both have the web
 * `CompressionStream`; a host without it gets `null` and the desk simply sends plain JSON.
 * sync/client must not import Node modules (lint: it runs in the browser), so a Node-only
 * implementation would come in through `DeskSyncOptions.gzip`, not from here.
 */
export type Gzip = (bytes: Uint8Array<ArrayBuffer>) => Promise<Uint8Array<ArrayBuffer>>;

export function platformGzip(): Gzip | null {
  if (typeof CompressionStream !== 'function') return null;
  return async (bytes) => {
    const compressed = new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip'));
    return new Uint8Array(await new Response(compressed).arrayBuffer());
  };
}
