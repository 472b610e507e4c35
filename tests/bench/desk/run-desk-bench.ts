// `npm run bench:desk [-- --smoke | --size N | --iterations N | --cold-starts N | --profile-dir DIR]`
// --profile-dir keeps the seeded Chromium profile in DIR and reuses it on the next run of the same size
// (--seed-only stops after seeding).
// Seeds the desk store (and a raw Dexie reference) in Chromium, times the desk's everyday
// operations on both, then times cold starts of the built app on that database.
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { chromiumArgs, findChromium } from '../../e2e/support/chromium.ts';
import { machineFacts } from '../support/machine.ts';
import { machineLine, markdownTable, row } from '../support/results.ts';
import type { BenchResult, BenchRow } from '../support/results.ts';
import { deskSizeFile } from '../support/scaling-plots.ts';
import { serveFolders } from '../support/static-server.ts';
import { summarize } from '../support/stats.ts';
import type { DeskBenchApi, OpenSamples, OperationSamples, PrepareResult, ReportSamples } from './bench-page.ts';
import type { OperationProfile, TimelineEntry } from './profile.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const RESULTS = here('../results');

const { values: args } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    size: { type: 'string' },
    iterations: { type: 'string' },
    'cold-starts': { type: 'string' },
    'profile-dir': { type: 'string' },
    /** With --profile-dir: seed (about an hour at 200,000) and stop; measure in a later run, on a quiet machine. */
    'seed-only': { type: 'boolean', default: false },
  },
});
const smoke = args.smoke ?? false;
const params = {
  size: Number(args.size ?? (smoke ? 2_000 : 200_000)),
  iterations: Number(args.iterations ?? (smoke ? 15 : 100)),
  warmup: smoke ? 3 : 10,
  coldStarts: Number(args['cold-starts'] ?? (smoke ? 2 : 5)),
  openRepeats: smoke ? 2 : 5,
  catchUpDossiers: smoke ? 50 : 300,
  profileIterations: smoke ? 5 : 20,
};
for (const [name, value] of Object.entries(params)) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer (got ${value})`);
}

const log = (text: string) => console.log(`[bench:desk] ${text}`);
const KEPT_SEED_FILE = 'motcua-bench-seed.json';
/** A kept profile's IndexedDB belongs to its origin: the same port every run. */
const KEPT_PROFILE_PORT = 47_391;

/** Builds into a folder of this run: E2E runs rebuild dist/renderer, and runs may overlap. */
async function buildPages(out: string): Promise<{ app: string; pages: string; appSource: string }> {
  const started = performance.now();
  const app = join(out, 'app');
  const pages = join(out, 'pages');
  const buildApp = (configFile: string) =>
    build({ configFile, mode: 'production', logLevel: 'warn', build: { outDir: app, emptyOutDir: true, chunkSizeWarningLimit: 5_000 } });
  let appSource = 'working tree';
  try {
    await buildApp(here('../../../renderer/vite.config.ts'));
  } catch (error) {
    // The working tree is shared with other engineers and may be mid-edit: bench the committed app.
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: here('../../..'), encoding: 'utf8' }).trim();
    log(`the working tree's renderer does not build (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); building HEAD ${head}`);
    const snapshot = join(out, 'head');
    await mkdir(snapshot);
    execFileSync('sh', ['-c', `git archive HEAD renderer src assets package.json | tar -x -C '${snapshot}'`], { cwd: here('../../..') });
    await symlink(here('../../../node_modules'), join(snapshot, 'node_modules'));
    await buildApp(join(snapshot, 'renderer/vite.config.ts'));
    appSource = `HEAD ${head} (the working tree did not build)`;
  }
  await build({ configFile: here('vite.config.ts'), mode: 'production', logLevel: 'warn', build: { outDir: pages, emptyOutDir: true } });
  log(`built the app (${appSource}) and the bench pages in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { app, pages, appSource };
}

function launch(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    args: chromiumArgs,
    headless: true,
    viewport: { width: 1366, height: 768 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
}

function forwardConsole(page: Page): void {
  page.on('console', (message) => {
    if (message.text().startsWith('[bench]') || message.type() === 'error') console.log(`  page: ${message.text()}`);
  });
  page.on('pageerror', (error) => console.log(`  page error: ${error.message}`));
}

interface Measured {
  prepared: PrepareResult;
  operations: OperationSamples[];
  profiles: OperationProfile[];
  openSteps: Record<string, number>;
  open: OpenSamples;
  catchUp: { dossiers: number; events: number; ms: number };
  report: ReportSamples;
  alertIndexLoad: number[];
}

/** The seed of an earlier run kept in `--profile-dir`, if it is of this size. */
async function keptSeed(profile: string): Promise<PrepareResult | null> {
  try {
    const kept = JSON.parse(await readFile(join(profile, KEPT_SEED_FILE), 'utf8')) as PrepareResult;
    return kept.dossiers === params.size ? kept : null;
  } catch {
    return null;
  }
}

async function seedAndMeasure(context: BrowserContext, baseUrl: string, profile: string, kept: PrepareResult | null): Promise<Measured | null> {
  const page = context.pages()[0] ?? (await context.newPage());
  forwardConsole(page);
  await page.goto(`${baseUrl}/bench/index.html`);
  await page.waitForSelector('body[data-ready="true"]');
  let prepared: PrepareResult;
  if (kept) {
    log(`reusing the ${kept.dossiers} dossiers seeded in ${profile}`);
    prepared = await page.evaluate((p) => (window as unknown as { deskBench: DeskBenchApi }).deskBench.attach(p), kept);
  } else {
    log(`seeding ${params.size} dossiers…`);
    prepared = await page.evaluate((size) => (window as unknown as { deskBench: DeskBenchApi }).deskBench.prepare({ size }), params.size);
    log(`seeded ${prepared.dossiers} dossiers, ${prepared.events} events, ${prepared.searchKeys} search keys in ${(prepared.seedMs / 1000).toFixed(1)} s`);
    if (args['profile-dir']) await writeFile(join(profile, KEPT_SEED_FILE), JSON.stringify(prepared));
    if (args['seed-only']) {
      await page.evaluate(() => (window as unknown as { deskBench: DeskBenchApi }).deskBench.close());
      return null;
    }
  }
  const operations = await page.evaluate(
    (o) => (window as unknown as { deskBench: DeskBenchApi }).deskBench.measure(o),
    { iterations: params.iterations, warmup: params.warmup },
  );
  const profiles = await page.evaluate((n) => (window as unknown as { deskBench: DeskBenchApi }).deskBench.profile(n), params.profileIterations);
  const openSteps = await page.evaluate(() => (window as unknown as { deskBench: DeskBenchApi }).deskBench.diagnoseOpen());
  log(`store open, step by step (ms): ${JSON.stringify(openSteps, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v) : v))}`);
  const open = await page.evaluate((n) => (window as unknown as { deskBench: DeskBenchApi }).deskBench.measureOpen(n), params.openRepeats);
  const catchUp = await page.evaluate((n) => (window as unknown as { deskBench: DeskBenchApi }).deskBench.measureSyncCatchUp(n), params.catchUpDossiers);
  log('year report, alert index load…');
  const report = await page.evaluate((n) => (window as unknown as { deskBench: DeskBenchApi }).deskBench.measureReport(n), params.openRepeats);
  const alertIndexLoad = await page.evaluate((n) => (window as unknown as { deskBench: DeskBenchApi }).deskBench.measureAlertIndexLoad(n), params.openRepeats);
  await page.evaluate(() => (window as unknown as { deskBench: DeskBenchApi }).deskBench.close());
  return { prepared, operations, profiles, openSteps, open, catchUp, report, alertIndexLoad };
}

interface ColdStart {
  /** Navigation start → the receive form's first input enabled. */
  interactiveMs: number;
  /** Navigation start → the app's first boot message (scripts loaded and React mounted). */
  bootShownMs: number | null;
  domContentLoadedMs: number;
  /** The main script's responseEnd (download done; parsing and running follow). */
  scriptLoadedMs: number | null;
  /** Main-thread tasks over 50 ms before interactive: [start, duration]. */
  longTasks: [number, number][];
  longTaskMs: number;
}

/**
 * Records, from navigation start, when the page first shows the boot message and an enabled
 * receive input. A string, not a function: tsx would add helpers the page does not have.
 */
function coldStartProbe(login: RememberedLogin | null): string {
  // A login session as the app remembers one across a reload (renderer/app/session.ts): its key only
  // signs events, so any 32 bytes do here.
  const remembered = login && { officerId: login.officerId, deskId: login.deskId, id: 'AAAAAAAAAAAAAAAAAAAAAA', key: 'A'.repeat(43) };
  return `(() => {
    if (window.top !== window) return;
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push([Math.round(e.startTime), Math.round(e.duration)]);
    }).observe({ type: 'longtask', buffered: true });
    ${remembered ? `window.sessionStorage.setItem('motcua.session.v2', ${JSON.stringify(JSON.stringify(remembered))});` : ''}
    const check = () => {
      if (window.__bootShown === undefined && document.querySelector('.boot-message')) window.__bootShown = performance.now();
      const input = document.querySelector('form.receive-form input');
      if (input && !input.disabled && window.__interactive === undefined) {
        window.__interactive = performance.now();
        observer.disconnect();
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
  })();`;
}

/** A fresh browser process on the seeded profile loading `url` until the receive input is enabled. */
interface RememberedLogin {
  officerId: string;
  deskId: string;
}

async function coldStart(profile: string, url: string, login: RememberedLogin | null): Promise<ColdStart> {
  const context = await launch(profile);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    forwardConsole(page);
    await page.addInitScript(coldStartProbe(login));
    await page.goto(url);
    const handle = await page.waitForFunction(
      `(() => {
        const failed = document.querySelector('.boot-message.error');
        if (failed) return { failed: failed.textContent };
        if (window.__interactive === undefined) return false;
        const nav = performance.getEntriesByType('navigation')[0];
        const longTasks = window.__longTasks.filter(([start]) => start <= window.__interactive);
        const script = performance.getEntriesByType('resource').find((e) => e.name.includes('/assets/index-') && e.name.endsWith('.js'));
        return {
          interactiveMs: window.__interactive,
          bootShownMs: window.__bootShown ?? null,
          domContentLoadedMs: nav ? nav.domContentLoadedEventEnd : null,
          scriptLoadedMs: script ? script.responseEnd : null,
          longTasks,
          longTaskMs: longTasks.reduce((sum, [, d]) => sum + d, 0),
        };
      })()`,
      undefined,
      { timeout: 180_000, polling: 50 },
    );
    const value = (await handle.jsonValue()) as ColdStart | { failed: string };
    if ('failed' in value) throw new Error(`cold start: the app failed to open: ${value.failed}`);
    return value;
  } catch (error) {
    const page = context.pages()[0];
    const heading = page ? await page.locator('h1').first().textContent({ timeout: 1_000 }).catch(() => null) : null;
    throw new Error(`cold start of ${url} failed (screen: ${heading ?? 'unknown'}): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    await context.close();
  }
}

function rowsOf(measured: Measured, cold: { app: ColdStart[]; storeOnly: ColdStart[]; raw: ColdStart[] }): BenchRow[] {
  const rows: BenchRow[] = measured.operations.map((op) =>
    row({
      id: op.id,
      label: op.label,
      value: summarize(op.store),
      reference: { label: 'raw Dexie', ...summarize(op.raw) },
      ...(op.targetP95Ms !== undefined ? { targetP95: op.targetP95Ms } : {}),
      ...(op.mismatches > 0 ? { note: `${op.mismatches} iterations gave another result than raw Dexie, e.g. ${op.mismatchExample}` } : {}),
    }),
  );
  rows.push(
    row({
      id: 'cold-start',
      label: 'cold start → receive form interactive',
      value: summarize(cold.app.map((c) => c.interactiveMs)),
      reference: { label: 'raw Dexie page', ...summarize(cold.raw.map((c) => c.interactiveMs)) },
      targetP95: 1_500,
      note: 'fresh Chromium process on the seeded profile; navigation start → first input of the receive form enabled',
    }),
    row({
      id: 'cold-start-store-only',
      label: 'cold start → store opened (no UI)',
      value: summarize(cold.storeOnly.map((c) => c.interactiveMs)),
      reference: { label: 'raw Dexie page', ...summarize(cold.raw.map((c) => c.interactiveMs)) },
      note: 'fresh Chromium process; a page that only runs createDeskStore + identity.get, then enables an input',
    }),
    row({
      id: 'store-open',
      label: 'store open (part of cold start)',
      value: summarize(measured.open.storeOpen),
      reference: { label: 'raw Dexie open', ...summarize(measured.open.rawOpen) },
      note: 'createDeskStore on the seeded database, in a warm page',
    }),
    row({
      id: 'year-report',
      label: `year report (${measured.report.dossiers.toLocaleString('en')} dossiers read)`,
      value: summarize(measured.report.store),
      reference: { label: 'raw Dexie read of the same report days + same computation', ...summarize(measured.report.raw) },
      targetP95: 2_000,
      note: `the Báo cáo screen's read (loadReportDossiers from the report days, p50 ${summarize(measured.report.storeRead).p50.toFixed(0)} ms) + computeOfficialReport by procedure, year 2025`,
    }),
    row({
      id: 'alert-index-load',
      label: 'first alert count after open (loads the deadline index)',
      value: summarize(measured.alertIndexLoad),
      note: 'once per app start; later counts are the "alert counts" row',
    }),
    row({
      id: 'session-load',
      label: 'session load (part of cold start)',
      value: summarize(measured.open.session),
      note: 'identity, officer, settings, calendars, catalogue, officers, recent procedures',
    }),
  );
  return rows;
}

async function main(): Promise<void> {
  const started = Date.now();
  const work = await mkdtemp(join(tmpdir(), 'motcua-bench-desk-'));
  const built = await buildPages(work);
  const keptDir = args['profile-dir'];
  const server = await serveFolders({ '/bench/': built.pages, '/': built.app }, keptDir ? KEPT_PROFILE_PORT : 0);
  const profile = keptDir ?? join(work, 'profile');
  if (keptDir) await mkdir(keptDir, { recursive: true });
  const kept = keptDir ? await keptSeed(keptDir) : null;
  try {
    const chromiumVersion = execFileSync(findChromium(), ['--version'], { encoding: 'utf8' }).trim();
    const machine = machineFacts(chromiumVersion);
    const context = await launch(profile);
    log(`machine: ${machineLine(machine)}`);
    let measured: Measured | null;
    try {
      measured = await seedAndMeasure(context, server.url, profile, kept);
    } finally {
      await context.close();
    }
    if (measured === null) {
      log(`seeded ${profile}; measure with the same --profile-dir`);
      return;
    }
    log(`cold starts (${params.coldStarts} each: the app, a store-only page, a raw Dexie page)…`);
    const cold = { app: [] as ColdStart[], storeOnly: [] as ColdStart[], raw: [] as ColdStart[] };
    for (let i = 0; i < params.coldStarts; i += 1) {
      cold.app.push(await coldStart(profile, `${server.url}/index.html`, measured.prepared));
      cold.storeOnly.push(await coldStart(profile, `${server.url}/bench/store-cold.html`, null));
      cold.raw.push(await coldStart(profile, `${server.url}/bench/raw-cold.html`, null));
    }
    machine.loadAverageEnd = machineFacts().loadAverage;

    const { sample: _sample, ...dataset } = measured.prepared;
    const result: BenchResult = {
      bench: 'desk',
      smoke,
      startedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      machine,
      params: { ...params, appSource: built.appSource, reusedSeed: kept !== null },
      rows: rowsOf(measured, cold),
      extra: {
        dataset,
        coldStarts: cold,
        openSamples: measured.open,
        storageProfile: measured.profiles,
        storeOpenSteps: measured.openSteps,
        syncCatchUp: { ...measured.catchUp, msPerDossier: measured.catchUp.ms / Math.max(1, measured.catchUp.dossiers) },
      },
    };
    const markdown = deskMarkdown(result);
    await mkdir(RESULTS, { recursive: true });
    await writeFile(join(RESULTS, 'desk-latest.json'), `${JSON.stringify(result, null, 2)}\n`);
    await writeFile(join(RESULTS, 'desk-latest.md'), markdown);
    // Kept per size for the scaling curves (tests/bench/support/scaling-plots.ts).
    if (!smoke) await writeFile(join(RESULTS, deskSizeFile(params.size)), `${JSON.stringify(result, null, 2)}\n`);
    console.log(`\n${markdown}`);
    const failed = result.rows.filter((r) => r.pass === false);
    if (failed.length > 0) log(`targets missed: ${failed.map((r) => r.label).join(', ')}`);
  } finally {
    await server.close();
    await rm(work, { recursive: true, force: true });
  }
}

/** Medians of the cold start's phases, to see what the 1.5 s goes to. */
function coldStartLine(cold: { app: ColdStart[] }, open: OpenSamples): string {
  const median = (xs: (number | null)[]) => summarize(xs.filter((x): x is number => x !== null)).p50;
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : '?');
  return (
    `Cold start phases (medians, ms from navigation start): main script downloaded ${f(median(cold.app.map((c) => c.scriptLoadedMs)))}, ` +
    `DOMContentLoaded ${f(median(cold.app.map((c) => c.domContentLoadedMs)))}, boot message shown ${f(median(cold.app.map((c) => c.bootShownMs)))}, ` +
    `receive input enabled ${f(median(cold.app.map((c) => c.interactiveMs)))}; main-thread long tasks before that ${f(median(cold.app.map((c) => c.longTaskMs)))} ms. ` +
    `In a warm page: store open ${f(summarize(open.storeOpen).p50)} ms, session load ${f(summarize(open.session).p50)} ms, ` +
    `counting both indexed collections (the open's search-key check) ${f(summarize(open.fullCounts).p50)} ms.`
  );
}

/** Storage round trips per store operation: the usual reason a store op is slower than raw Dexie. */
function profileTable(profiles: readonly OperationProfile[]): string {
  const lines = [
    'Where the store\'s time goes (instrumented storage calls; each is at least one IndexedDB transaction; ' +
      '"of which in Dexie" times the same calls under the encryption layer, counts excepted):',
    '',
    '| operation | mean ms | storage calls/op | storage ms/op | of which in Dexie | heaviest calls (calls/op × collection.method: ms/op) |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const p of profiles) {
    const top = Object.entries(p.calls)
      .slice(0, 4)
      .map(([name, c]) => `${c.callsPerOp.toFixed(1)}× ${name}: ${c.msPerOp.toFixed(1)}`)
      .join('; ');
    lines.push(`| ${p.id} | ${p.meanMs.toFixed(1)} | ${p.storageCallsPerOp.toFixed(1)} | ${p.storageMsPerOp.toFixed(1)} | ${p.dexieMsPerOp.toFixed(1)} | ${top} |`);
  }
  const receive = profiles.find((p) => p.id === 'receive');
  if (receive?.timeline) {
    const span = (t: TimelineEntry) => `${t.call} ${t.startMs.toFixed(1)}–${t.endMs.toFixed(1)}${t.share < 0.95 ? ` (${Math.round(t.share * 100)} %)` : ''}`;
    lines.push('', `A receipt's storage calls in order (median start–end, ms from the save): ${receive.timeline.map(span).join('; ')}.`);
  }
  return lines.join('\n');
}

function deskMarkdown(result: BenchResult): string {
  const d = result.extra.dataset as PrepareResult;
  const t = d.timings;
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const catchUp = result.extra.syncCatchUp as { dossiers: number; events: number; ms: number; msPerDossier: number };
  return [
    `## Desk benchmark${result.smoke ? ' (smoke)' : ''}: ${d.dossiers.toLocaleString('en')} dossiers`,
    '',
    `${result.startedAt}; ${machineLine(result.machine)}.`,
    `All times in ms; p95 ratio = desk store p95 / raw Dexie p95; ${result.params.iterations} iterations per operation after ${result.params.warmup} warm-up (cold start: ${result.params.coldStarts}).`,
    '',
    markdownTable(result.rows),
    '',
    `Seeded ${d.dossiers.toLocaleString('en')} dossiers (${d.events.toLocaleString('en')} events, ${d.searchKeys.toLocaleString('en')} search keys) in ${s(d.seedMs)}: ` +
      `building ${s(t.buildMs)}, store bulk inserts ${s(t.storeWallMs)} (concurrent: events ${s(t.storeEventsMs)}, dossiers ${s(t.storeDossiersMs)}, search keys ${s(t.storeSearchKeysMs)}), raw Dexie ${s(t.rawMs)}.`,
    ...result.rows.filter((r) => r.note?.includes('another result')).map((r) => `Check: ${r.label}: ${r.note}.`),
    `Dossiers by status: ${Object.entries(d.statuses).map(([status, n]) => `${status}: ${n}`).join(', ')}.`,
    coldStartLine(result.extra.coldStarts as { app: ColdStart[] }, result.extra.openSamples as OpenSamples),
    '',
    profileTable(result.extra.storageProfile as OperationProfile[]),
    '',
    `Sync catch-up: ${catchUp.events} events of ${result.params.catchUpDossiers} dossiers bulk-inserted as a pull does, then projections.catchUp ran ` +
      `${catchUp.dossiers} projections (a dossier whose events straddle two 500-event batches is projected twice) in ${catchUp.ms.toFixed(0)} ms: ` +
      `${catchUp.msPerDossier.toFixed(1)} ms per projection.`,
    '',
  ].join('\n');
}

await main();
