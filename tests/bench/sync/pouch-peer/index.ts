import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../../e2e/support/chromium.ts';
import { startTcpProxy } from '../../../support/tcp-proxy.ts';
import type { ChunkContext, TcpProxy } from '../../../support/tcp-proxy.ts';
import { serveFolders } from '../../support/static-server.ts';
import type { PeerPageApi, PeerReplication } from './page-api.ts';

/**
 * Issue 8 point 2, the peer: PouchDB in Chromium (IndexedDB) replicating the same documents to
 * `pouchdb-server` (in-memory) through tests/support/tcp-proxy.ts with the same throttle, latency
 * and forced disconnects as our day-end sync, so the two figures come from the same link.
 *
 * Set-up (server, page, seeding the local PouchDB) is untimed; the timed part is one
 * `PouchDB.replicate(local, remoteUrl, { retry: true, batch_size })` from its call to its
 * completion. The server's doc count is polled directly (not through the proxy); when it crosses
 * a fraction of `disconnectsAt`, every proxy connection is cut. Bytes are counted at the proxy.
 */
export interface PouchPeerOptions {
  /** The same documents (JSON) our sync sends; each has a unique string `id`. */
  docs: readonly Record<string, unknown>[];
  /** Per direction, e.g. 1_000_000. */
  bandwidthBitsPerSecond: number;
  /** Half of it is added each way, e.g. 300. */
  roundTripMs: number;
  /** Fractions of docs on the server at which every connection is cut, e.g. [0.2, 0.5, 0.8]. */
  disconnectsAt: readonly number[];
  /** For the timed replication; default 15 minutes. On expiry the replication is cancelled and the result says so. */
  timeoutMs?: number;
  /** PouchDB's `batch_size`; default 100 (our client's push batch). */
  batchSize?: number;
  /** Progress lines; default none. */
  log?: (text: string) => void;
}

/** One cut of every connection; fractions crossed between two polls of the server share one cut. */
export interface PouchPeerCut {
  fractions: number[];
  atMs: number;
  docsOnServer: number;
}

export interface PouchPeerResult {
  /** The timed replication, from `PouchDB.replicate()` to its completion (or the timeout). */
  ms: number;
  /** Bytes through the proxy during the timed replication, desk → server and back. */
  bytesUp: number;
  bytesDown: number;
  docsOnServer: number;
  /** Documents missing on the server, or there with another body. */
  lost: number;
  /** Documents on the server more than once, or with more than one revision (a conflict). */
  duplicated: number;
  /** Times every connection was cut (fewer than `disconnectsAt` when fractions were crossed by one batch, or never). */
  disconnects: number;
  pouchdbVersion: string;
  serverVersion: string;
  // Details beyond the runner's contract.
  docs: number;
  batchSize: number;
  completed: boolean;
  timedOut: boolean;
  cuts: PouchPeerCut[];
  /** Requests seen at the proxy, by kind ("POST _bulk_docs", "OPTIONS", …). */
  requests: Record<string, number>;
  /** Of the `lost`: there, but with another body. */
  mismatched: number;
  /** Ids on the server that were not sent. */
  unexpected: number;
  replication: PeerReplication | null;
  localAdapter: string;
  /** Canonical JSON of the documents, for bytes-per-document comparisons. */
  docBytes: number;
  seedMs: number;
}

const DB = 'dossiers';
const POLL_MS = 100;
const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));

export async function runPouchPeer(options: PouchPeerOptions): Promise<PouchPeerResult> {
  const log = options.log ?? (() => undefined);
  const batchSize = options.batchSize ?? 100;
  const timeoutMs = options.timeoutMs ?? 15 * 60_000;
  const docs = checkedDocs(options.docs);
  const thresholds = [...options.disconnectsAt].sort((a, b) => a - b);
  if (thresholds.some((f) => !(f > 0 && f < 1))) throw new Error(`disconnectsAt: fractions must be between 0 and 1 (got ${thresholds.join(', ')})`);
  if (!(options.bandwidthBitsPerSecond >= 8)) throw new Error('bandwidthBitsPerSecond must be at least 8');

  const work = await mkdtemp(join(tmpdir(), 'pouch-peer-'));
  const cleanup: Array<() => Promise<unknown>> = [];
  try {
    const server = await startPouchServer(join(work, 'server'));
    cleanup.push(() => server.stop());
    const direct = `http://127.0.0.1:${server.port}/${DB}`;
    await expectOk(await fetch(direct, { method: 'PUT' }), `creating ${DB} on pouchdb-server`);

    const proxy = await startTcpProxy(server.port);
    cleanup.push(() => proxy.close());

    const pageDir = join(work, 'page');
    await bundlePage(pageDir);
    const site = await serveFolders({ '/peer/': pageDir });
    cleanup.push(() => site.close());

    const context = await chromium.launchPersistentContext(join(work, 'profile'), {
      executablePath: findChromium(),
      args: chromiumArgs,
      headless: true,
    });
    cleanup.push(() => context.close());
    const page = await openPage(context, `${site.url}/peer/index.html`);
    const pouchdbVersion = await page.evaluate(() => (window as unknown as { pouchPeer: PeerPageApi }).pouchPeer.version);
    const localAdapter = await page.evaluate((name) => (window as unknown as { pouchPeer: PeerPageApi }).pouchPeer.open(name), `desk-${Date.now()}`);

    // The desk holds its documents before the day-end sync: seeding is not timed.
    const seedStarted = performance.now();
    for (let at = 0; at < docs.length; at += 500) {
      const errors = await page.evaluate(
        (chunk) => (window as unknown as { pouchPeer: PeerPageApi }).pouchPeer.seed(chunk),
        docs.slice(at, at + 500).map((doc) => ({ _id: doc.id, ...doc })),
      );
      if (errors.length > 0) throw new Error(`seeding the local PouchDB: ${errors.slice(0, 3).join('; ')}`);
    }
    const localCount = await page.evaluate(() => (window as unknown as { pouchPeer: PeerPageApi }).pouchPeer.localCount());
    if (localCount !== docs.length) throw new Error(`the local PouchDB holds ${localCount} docs, expected ${docs.length}`);
    const seedMs = performance.now() - seedStarted;
    log(`pouch peer: ${docs.length} docs in PouchDB ${pouchdbVersion} (${localAdapter}) in ${(seedMs / 1000).toFixed(1)} s; replicating to ${server.version}`);

    // The link, from here on.
    const wire = { up: 0, down: 0 };
    const requests: Record<string, number> = {};
    proxy.setRule(({ direction, chunk }: ChunkContext) => {
      wire[direction] += chunk.length;
      if (direction === 'up') for (const kind of requestKinds(chunk)) requests[kind] = (requests[kind] ?? 0) + 1;
      return 'forward';
    });
    proxy.setDelay(options.roundTripMs / 2);
    proxy.setThrottle(Math.round(options.bandwidthBitsPerSecond / 8));

    const cuts: PouchPeerCut[] = [];
    const started = performance.now();
    let replicationDone = false;
    const watcher = watchAndCut({ direct, proxy, thresholds, total: docs.length, cuts, started, log, done: () => replicationDone });
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    const replicating = page.evaluate(
      ([url, size]) => (window as unknown as { pouchPeer: PeerPageApi }).pouchPeer.replicate(url, size),
      [`${proxy.url}/${DB}`, batchSize] as const,
    );
    replicating.catch(() => undefined); // awaited below; this only keeps a late rejection handled after a timeout
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => {
        timedOut = true;
        log(`pouch peer: no completion after ${timeoutMs} ms, cancelling`);
        void page.evaluate(() => (window as unknown as { pouchPeer: PeerPageApi }).pouchPeer.cancel()).catch(() => undefined);
        resolve(null);
      }, timeoutMs);
    });
    let replication: PeerReplication | null;
    try {
      replication = await Promise.race([replicating, timeout]);
      if (timedOut) replication = await Promise.race([replicating, sleep(30_000).then(() => null)]);
    } finally {
      clearTimeout(timer);
      replicationDone = true;
      await watcher;
    }
    const ms = !timedOut && replication ? replication.ms : timeoutMs;
    proxy.setRule(null);
    proxy.setDelay(0);
    proxy.setThrottle(0);
    log(
      `pouch peer: ${timedOut ? 'timed out' : replication?.status} after ${(ms / 1000).toFixed(1)} s, ` +
        `${cuts.length} cuts, ${replication?.restarts ?? '?'} restarts, ${wire.up} B up, ${wire.down} B down`,
    );

    const check = await verifyServer(direct, docs);
    return {
      ms,
      bytesUp: wire.up,
      bytesDown: wire.down,
      docsOnServer: check.docsOnServer,
      lost: check.lost,
      duplicated: check.duplicated,
      disconnects: cuts.length,
      pouchdbVersion,
      serverVersion: server.version,
      docs: docs.length,
      batchSize,
      completed: !timedOut && replication?.status === 'complete',
      timedOut,
      cuts,
      requests,
      mismatched: check.mismatched,
      unexpected: check.unexpected,
      replication,
      localAdapter,
      docBytes: docs.reduce((sum, doc) => sum + Buffer.byteLength(canonicalJson(doc)), 0),
      seedMs,
    };
  } finally {
    for (const step of cleanup.reverse()) await step().catch(() => undefined);
    await rm(work, { recursive: true, force: true });
  }
}

type Doc = Record<string, unknown> & { id: string };

function checkedDocs(docs: readonly Record<string, unknown>[]): Doc[] {
  const seen = new Set<string>();
  for (const doc of docs) {
    const id = doc.id;
    if (typeof id !== 'string' || id === '' || id.startsWith('_')) throw new Error(`every doc needs a string id not starting with "_" (got ${JSON.stringify(id)})`);
    if (seen.has(id)) throw new Error(`duplicate doc id ${id}`);
    seen.add(id);
    const reserved = Object.keys(doc).find((key) => key.startsWith('_'));
    if (reserved) throw new Error(`doc ${id}: top-level field ${reserved} is reserved by PouchDB`);
  }
  return docs as Doc[];
}

interface PouchServer {
  port: number;
  version: string;
  stop(): Promise<void>;
}

/** pouchdb-server as a child process, in memory, its config and log in `dir`. */
async function startPouchServer(dir: string): Promise<PouchServer> {
  await mkdir(dir, { recursive: true });
  const packageJson = require.resolve('pouchdb-server/package.json');
  const fromServer = createRequire(packageJson);
  const versionOf = async (path: string) => (JSON.parse(await readFile(path, 'utf8')) as { version: string }).version;
  const version =
    `pouchdb-server ${await versionOf(packageJson)} (express-pouchdb ${await versionOf(fromServer.resolve('express-pouchdb/package.json'))}, ` +
    `pouchdb-core ${await versionOf(fromServer.resolve('pouchdb-core/package.json'))}, --in-memory)`;
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [join(dirname(packageJson), 'bin', 'pouchdb-server'), '--in-memory', '--host', '127.0.0.1', '--port', String(port), '--no-stdout-logs', '--config', join(dir, 'config.json')],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.race([exited, sleep(5_000)]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/`);
      if (response.ok) {
        await response.body?.cancel();
        return { port, version, stop };
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`pouchdb-server did not answer on port ${port} within 30 s:\n${output}`);
    }
    await sleep(100);
  }
}

/** The page and PouchDB's browser build bundled into `dir` (pouchdb-browser ships no dist file). */
async function bundlePage(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await build({
    entryPoints: [join(here, 'page.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    outfile: join(dir, 'peer.js'),
    logLevel: 'warning',
  });
  await writeFile(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>pouch peer</title><script src="peer.js"></script>\n');
}

async function openPage(context: BrowserContext, url: string): Promise<Page> {
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(url);
  try {
    await page.waitForFunction(() => 'pouchPeer' in window, undefined, { timeout: 15_000 });
  } catch (error) {
    throw new Error(`the peer page did not load: ${problems.join('; ') || String(error)}`, { cause: error });
  }
  return page;
}

interface WatchOptions {
  direct: string;
  proxy: TcpProxy;
  thresholds: readonly number[];
  total: number;
  cuts: PouchPeerCut[];
  started: number;
  log: (text: string) => void;
  done: () => boolean;
}

/** Polls the server's doc count directly; cuts every proxy connection as each fraction is crossed. */
async function watchAndCut({ direct, proxy, thresholds, total, cuts, started, log, done }: WatchOptions): Promise<void> {
  let next = 0;
  while (!done() && next < thresholds.length) {
    try {
      const count = await docCount(direct);
      const crossed: number[] = [];
      while (next < thresholds.length && count >= (thresholds[next] as number) * total) crossed.push(thresholds[next++] as number);
      if (crossed.length > 0 && !done()) {
        proxy.cutAll();
        const atMs = performance.now() - started;
        cuts.push({ fractions: crossed, atMs, docsOnServer: count });
        log(`pouch peer: cut every connection at ${(atMs / 1000).toFixed(1)} s, ${count}/${total} docs on the server (${crossed.join(', ')})`);
      }
    } catch (error) {
      log(`pouch peer: polling the server failed: ${String(error)}`);
    }
    await sleep(POLL_MS);
  }
}

async function docCount(direct: string): Promise<number> {
  const response = await fetch(direct);
  await expectOk(response, 'reading the server doc count');
  return ((await response.json()) as { doc_count: number }).doc_count;
}

interface ServerCheck {
  docsOnServer: number;
  lost: number;
  mismatched: number;
  duplicated: number;
  unexpected: number;
}

/** Every doc on the server exactly once, with one revision and the body that was sent. */
async function verifyServer(direct: string, docs: readonly Doc[]): Promise<ServerCheck> {
  const info = await fetch(direct);
  await expectOk(info, 'reading the server info');
  const docsOnServer = ((await info.json()) as { doc_count: number }).doc_count;
  const response = await fetch(`${direct}/_all_docs?include_docs=true&conflicts=true`);
  await expectOk(response, 'reading every doc on the server');
  const { rows } = (await response.json()) as { rows: Array<{ id: string; doc?: Record<string, unknown> & { _conflicts?: string[] } }> };
  const byId = new Map<string, Record<string, unknown>>();
  let duplicated = 0;
  for (const { id, doc } of rows) {
    if (!doc || id.startsWith('_design/')) continue;
    if (byId.has(id)) duplicated += 1;
    byId.set(id, doc);
    duplicated += doc._conflicts?.length ?? 0;
  }
  const expected = new Set(docs.map((doc) => doc.id));
  let missing = 0;
  let mismatched = 0;
  for (const doc of docs) {
    const found = byId.get(doc.id);
    if (!found) {
      missing += 1;
      continue;
    }
    const { _id: _ignoredId, _rev: _ignoredRev, _conflicts: _ignoredConflicts, ...body } = found;
    if (canonicalJson(body) !== canonicalJson(doc)) mismatched += 1;
  }
  const unexpected = [...byId.keys()].filter((id) => !expected.has(id)).length;
  return { docsOnServer, lost: missing + mismatched, mismatched, duplicated, unexpected };
}

/** JSON with object keys sorted, so that bodies compare regardless of key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

const REQUEST_LINE = /(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS) (\S+) HTTP\/1\.[01]/g;

/** "POST _bulk_docs", "OPTIONS", "GET db"… for each request line in an upstream chunk. */
function requestKinds(chunk: Buffer): string[] {
  const kinds: string[] = [];
  for (const [, method, target] of chunk.toString('latin1').matchAll(REQUEST_LINE)) {
    if (method === 'OPTIONS') {
      kinds.push('OPTIONS (CORS preflight)');
      continue;
    }
    const path = (target ?? '').split('?')[0] ?? '';
    const part = path.split('/').filter(Boolean)[1];
    kinds.push(`${method} ${part === undefined ? 'db' : part.startsWith('_') ? part : 'doc'}`);
  }
  return kinds;
}

async function expectOk(response: Response, what: string): Promise<void> {
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${await response.text()}`);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
