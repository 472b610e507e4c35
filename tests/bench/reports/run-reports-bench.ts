// `npm run bench:reports [-- --smoke | --size N | --pglite-size N | --desk-size N | --iterations N]`
// Times a year's official report: on the provincial server (counted in SQL) over N projected
// dossiers on PostgreSQL, with the scaling from N/10 to N, and over fewer on PGlite; and on the
// desk, the domain's computeOfficialReport over 200,000 dossiers in Node. Each beside a
// reference measured the same way in the same run.
import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { DossierState } from '../../../src/dossier/dossier-state.ts';
import { computeOfficialReport } from '../../../src/reports/official-report.ts';
import type { OfficialReport, ReportGroupBy } from '../../../src/reports/official-report.ts';
import { periodWindow } from '../../../src/reports/report-period.ts';
import { openDatabase } from '../../../sync/server/db/database.ts';
import type { Database, DatabaseTarget, Schema } from '../../../sync/server/db/database.ts';
import { serverOfficialReport } from '../../../sync/server/reports/official-report.ts';
import { machineFacts } from '../support/machine.ts';
import { machineLine, markdownTable, row } from '../support/results.ts';
import type { BenchResult, BenchRow } from '../support/results.ts';
import { newPgliteDir } from '../../integration/server/support/server-databases.ts';
import { summarize } from '../support/stats.ts';
import type { Summary } from '../support/stats.ts';
import { buildBase, createSeeder } from './seed-projection.ts';
import type { Base } from './seed-projection.ts';
import { startThrowawayPostgres } from './throwaway-postgres.ts';

const RESULTS = fileURLToPath(new URL('../results', import.meta.url));
const PERIOD = { from: '2026-01-01', to: '2026-12-31' };

const { values: args } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    size: { type: 'string' },
    'pglite-size': { type: 'string' },
    'desk-size': { type: 'string' },
    iterations: { type: 'string' },
  },
});
const smoke = args.smoke ?? false;
const params = {
  /** Dossiers in the PostgreSQL projection at the largest step (the target's size). */
  size: Number(args.size ?? (smoke ? 6_000 : 2_000_000)),
  pgliteSize: Number(args['pglite-size'] ?? (smoke ? 3_000 : 200_000)),
  deskSize: Number(args['desk-size'] ?? (smoke ? 3_000 : 200_000)),
  iterations: Number(args.iterations ?? (smoke ? 2 : 5)),
  warmup: 1,
};
for (const [name, value] of Object.entries(params)) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer (got ${value})`);
}
/** The base the projections are copied from: 15 months of 10 busy communes (a small one for --smoke). */
const BASE = smoke ? { units: 2, perDay: 1, from: '2025-10-01', to: '2026-12-31' } : { units: 10, perDay: 8, from: '2025-10-01', to: '2026-12-31' };
const TARGET_SERVER_MS = 3_000;
const TARGET_DESK_MS = 2_000;

const log = (text: string) => console.log(`[bench:reports] ${text}`);
const fmt = (n: number) => n.toLocaleString('en');

/** Runs `a` and `b` alternately, `b` first every other time, after the warm-up. */
async function measurePair(iterations: number, a: () => Promise<unknown> | unknown, b: () => Promise<unknown> | unknown): Promise<{ a: number[]; b: number[] }> {
  const samples = { a: [] as number[], b: [] as number[] };
  const time = async (run: () => Promise<unknown> | unknown, into: number[] | null) => {
    const started = performance.now();
    await run();
    into?.push(performance.now() - started);
  };
  for (let i = 0; i < params.warmup; i += 1) {
    await time(a, null);
    await time(b, null);
  }
  for (let i = 0; i < iterations; i += 1) {
    if (i % 2 === 0) {
      await time(a, samples.a);
      await time(b, samples.b);
    } else {
      await time(b, samples.b);
      await time(a, samples.a);
    }
  }
  return samples;
}

/** The reference: the raw indexed SELECT of the rows received in the period. */
async function countPeriodRows(db: Kysely<Schema>): Promise<number> {
  const window = periodWindow(PERIOD);
  const result = await sql<{ n: number | string }>`select count(*) as n from dossiers
    where received_at >= ${new Date(window.startMs).toISOString()}::timestamptz and received_at < ${new Date(window.endMs).toISOString()}::timestamptz`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

interface ServerStep {
  size: number;
  groupBy: ReportGroupBy;
  report: Summary;
  reference: Summary;
  receivedInPeriod: number;
  total: OfficialReport['total'];
  rows: number;
}

async function measureServer(db: Kysely<Schema>, size: number, groupBy: ReportGroupBy): Promise<ServerStep> {
  let last: OfficialReport | null = null;
  let counted = 0;
  const samples = await measurePair(
    params.iterations,
    async () => {
      last = await serverOfficialReport(db, { period: PERIOD, groupBy });
    },
    async () => {
      counted = await countPeriodRows(db);
    },
  );
  const report = last as OfficialReport | null;
  if (!report) throw new Error('no report');
  if (report.total.received.total > counted) throw new Error(`the report received ${report.total.received.total} dossiers, more than the ${counted} rows of the period`);
  log(`  ${fmt(size)} dossiers, by ${groupBy}: report p50 ${summarize(samples.a).p50.toFixed(0)} ms, reference p50 ${summarize(samples.b).p50.toFixed(0)} ms`);
  return { size, groupBy, report: summarize(samples.a), reference: summarize(samples.b), receivedInPeriod: counted, total: report.total, rows: report.rows.length };
}

async function seed(database: Database, base: Base, sizes: readonly number[], onStep: (size: number) => Promise<void>) {
  const seeding: Array<{ size: number; insertMs: number; vacuumMs: number }> = [];
  const started = performance.now();
  const seeder = await createSeeder(database.db, base);
  seeding.push({ size: seeder.size(), insertMs: performance.now() - started, vacuumMs: 0 });
  for (const size of sizes) {
    const grown = await seeder.growTo(size);
    seeding.push({ size: seeder.size(), insertMs: grown.ms, vacuumMs: grown.vacuumMs });
    log(`seeded ${fmt(seeder.size())} dossiers (+${fmt(grown.insertedRows)} in ${(grown.ms / 1000).toFixed(1)} s, vacuum analyze ${(grown.vacuumMs / 1000).toFixed(1)} s)`);
    await onStep(seeder.size());
  }
  return seeding;
}

async function postgresUrl(): Promise<{ url: string; source: string; stop?: () => void } | null> {
  const given = process.env.BENCH_DATABASE_URL ?? (smoke ? (process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL) : undefined);
  if (given) return { url: given, source: process.env.BENCH_DATABASE_URL ? 'BENCH_DATABASE_URL' : 'DATABASE_URL/TEST_DATABASE_URL' };
  if (smoke) return null;
  const cluster = await startThrowawayPostgres(log);
  return { url: cluster.url, source: 'throwaway cluster started by the bench', stop: cluster.stop };
}

/** A fresh schema of the database for this run, dropped at the end: the bench never touches other rows. */
async function withSchema<T>(url: string, use: (target: DatabaseTarget, info: Record<string, string>) => Promise<T>): Promise<T> {
  const schema = `bench_reports_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const settings = await admin.query<{ name: string; setting: string }>(
      `select name, setting || coalesce(unit, '') as setting from pg_settings where name in ('server_version', 'shared_buffers', 'work_mem', 'max_parallel_workers_per_gather', 'effective_cache_size')`,
    );
    const info = Object.fromEntries(settings.rows.map((r) => [r.name, r.setting]));
    await admin.query(`create schema ${schema}`);
    try {
      const parsed = new URL(url);
      parsed.searchParams.set('options', `-c search_path=${schema}`);
      return await use({ kind: 'postgres', url: parsed.toString() }, { ...info, schema });
    } finally {
      await admin.query(`drop schema if exists ${schema} cascade`);
    }
  } finally {
    await admin.end();
  }
}

/** Copies of the base with fresh codes until `count` dossiers, as a desk would hold them. */
function deskDossiers(base: readonly DossierState[], count: number): DossierState[] {
  return Array.from({ length: count }, (_, i) => {
    const d = base[i % base.length] as DossierState;
    const copy = Math.floor(i / base.length);
    return copy === 0 ? d : { ...d, code: `${d.code}~${copy}`, linkedGroupId: d.linkedGroupId && `${d.linkedGroupId}~${copy}` };
  });
}

/** The reference pass: one loop over the same array reading the same fields, counting the period's receipts by procedure. */
function singlePass(dossiers: readonly DossierState[]): number {
  const window = periodWindow(PERIOD);
  const byProcedure = new Map<string, number>();
  for (const d of dossiers) {
    const received = Date.parse(d.receivedAt);
    const finished = d.finishedAt === null ? null : Date.parse(d.finishedAt);
    if (received < window.endMs && (finished === null || finished >= window.startMs) && Date.parse(d.dueAt) > 0) {
      byProcedure.set(d.procedureCode, (byProcedure.get(d.procedureCode) ?? 0) + 1);
    }
  }
  return byProcedure.size;
}

async function main(): Promise<void> {
  const started = Date.now();
  const machine = machineFacts();
  log(`machine: ${machineLine(machine)}`);
  log(`params: ${JSON.stringify(params)}${smoke ? ' (smoke)' : ''}`);
  const base = buildBase(BASE);
  log(`generated and projected the base: ${fmt(base.states.length)} dossiers of ${base.unitIds.length} units in ${(base.generatedMs / 1000).toFixed(1)} s`);
  const rows: BenchRow[] = [];
  const extra: Record<string, unknown> = {
    base: { ...BASE, dossiers: base.states.length, linked: base.states.filter((d) => d.linkedGroupId !== null).length, generatedMs: Math.round(base.generatedMs) },
    period: PERIOD,
  };

  // 1. The desk: the domain computation in Node.
  {
    const dossiers = deskDossiers(base.states, params.deskSize);
    let report: OfficialReport | null = null;
    const samples = await measurePair(
      params.iterations,
      () => {
        report = computeOfficialReport({ dossiers, period: PERIOD, groupBy: 'procedure' });
      },
      () => singlePass(dossiers),
    );
    const total = (report as OfficialReport | null)?.total;
    log(`desk: computeOfficialReport over ${fmt(dossiers.length)} dossiers p50 ${summarize(samples.a).p50.toFixed(0)} ms`);
    rows.push(
      row({
        id: 'desk-domain-year',
        label: `desk: computeOfficialReport, year by procedure, ${fmt(dossiers.length)} dossiers (Node)`,
        value: summarize(samples.a),
        reference: { label: 'one pass over the same array', ...summarize(samples.b) },
        targetP95: TARGET_DESK_MS,
        note: 'the domain core only (the desk reads its store first: see bench:desk "year report")',
      }),
    );
    extra.desk = { dossiers: dossiers.length, total };
  }

  // 2. The server on PGlite, smaller.
  {
    // A copy of a once-initialised PGlite folder (as the server tests do): initdb takes ~20 s here.
    const dir = await newPgliteDir();
    try {
      const database = await openDatabase({ kind: 'pglite', dataDir: dir });
      try {
        let step: ServerStep | null = null;
        const seeding = await seed(database, base, [params.pgliteSize], async (size) => {
          step = await measureServer(database.db, size, 'unit');
        });
        const measured = step as ServerStep | null;
        if (!measured) throw new Error('PGlite: nothing measured');
        rows.push(
          row({
            id: 'server-pglite-year-unit',
            label: `server: year report by unit, PGlite, ${fmt(measured.size)} dossiers`,
            value: measured.report,
            reference: { label: "raw indexed SELECT count(*) of the period's receipts", ...measured.reference },
            note: 'embedded single-connection PGlite (WebAssembly); the query + 13 counts per group in SQL',
          }),
        );
        extra.pglite = { seeding, step: measured };
      } finally {
        await database.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  // 3. The server on PostgreSQL: 1×, 4× and 10× data.
  const postgres = await postgresUrl();
  if (postgres) {
    try {
      const sizes = [...new Set([Math.round(params.size / 10), Math.round((params.size * 4) / 10), params.size])];
      log(`PostgreSQL (${postgres.source}): sizes ${sizes.map(fmt).join(', ')}`);
      await withSchema(postgres.url, async (target, info) => {
        const database = await openDatabase(target);
        try {
          const steps: ServerStep[] = [];
          const seeding = await seed(database, base, sizes, async (size) => {
            steps.push(await measureServer(database.db, size, 'unit'));
            if (size === sizes[sizes.length - 1]) steps.push(await measureServer(database.db, size, 'procedure'));
          });
          const reference = (s: ServerStep) => ({ label: "raw indexed SELECT count(*) of the period's receipts", ...s.reference });
          const full = steps.filter((s) => s.size === steps[steps.length - 1]?.size);
          for (const s of full) {
            rows.push(
              row({
                id: `server-pg-year-${s.groupBy}`,
                label: `server: year report by ${s.groupBy}, PostgreSQL, ${fmt(s.size)} dossiers`,
                value: s.report,
                reference: reference(s),
                targetP95: TARGET_SERVER_MS,
                note: `${fmt(s.receivedInPeriod)} received in ${PERIOD.from.slice(0, 4)}, ${s.rows} rows; GET /api/reports/official minus HTTP`,
              }),
            );
          }
          for (const s of steps.filter((x) => x.groupBy === 'unit' && x.size !== full[0]?.size)) {
            rows.push(
              row({
                id: `server-pg-scale-${s.size}`,
                label: `server: year report by unit, PostgreSQL, ${fmt(s.size)} dossiers (scaling)`,
                value: s.report,
                reference: reference(s),
              }),
            );
          }
          const smallest = steps[0] as ServerStep;
          extra.scaling = steps
            .filter((s) => s.groupBy === 'unit')
            .map((s) => ({
              size: s.size,
              dataFactor: Math.round((s.size / smallest.size) * 10) / 10,
              receivedInPeriod: s.receivedInPeriod,
              reportP50: Math.round(s.report.p50),
              reportP95: Math.round(s.report.p95),
              referenceP50: Math.round(s.reference.p50),
              timeFactor: Math.round((s.report.p50 / smallest.report.p50) * 10) / 10,
            }));
          extra.postgres = { source: postgres.source, ...info, seeding, steps };
        } finally {
          await database.close();
        }
      });
    } finally {
      postgres.stop?.();
    }
  } else {
    log('PostgreSQL skipped: smoke run without BENCH_DATABASE_URL, DATABASE_URL or TEST_DATABASE_URL');
    extra.postgres = null;
  }

  machine.loadAverageEnd = machineFacts().loadAverage;
  const result: BenchResult = {
    bench: 'reports',
    smoke,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    machine,
    params: { ...params, base: BASE },
    rows,
    extra,
  };
  const markdown = reportsMarkdown(result);
  await mkdir(RESULTS, { recursive: true });
  await writeFile(join(RESULTS, 'reports-latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  await writeFile(join(RESULTS, 'reports-latest.md'), markdown);
  console.log(`\n${markdown}`);
}

function reportsMarkdown(result: BenchResult): string {
  const scaling = result.extra.scaling as Array<{ size: number; reportP50: number; referenceP50: number; timeFactor: number; dataFactor: number }> | undefined;
  const postgres = result.extra.postgres as { source: string; server_version?: string; shared_buffers?: string; max_parallel_workers_per_gather?: string } | null;
  const base = result.extra.base as { dossiers: number; units: number };
  return [
    `## Report benchmark${result.smoke ? ' (smoke)' : ''}: a year's official report`,
    '',
    `${result.startedAt}; ${machineLine(result.machine)}.`,
    `All times in ms; ${result.params.iterations as number} iterations after ${result.params.warmup as number} warm-up, report and reference alternating. ` +
      `Period ${PERIOD.from} – ${PERIOD.to}, open dossiers judged at its end. Projections: copies of a generated base of ${fmt(base.dossiers)} dossiers ` +
      `(${base.units} units, 15 months) spread over 10× as many units, vacuumed and analysed after seeding.`,
    postgres
      ? `PostgreSQL ${postgres.server_version ?? '?'} (${postgres.source}), shared_buffers ${postgres.shared_buffers ?? '?'}, max_parallel_workers_per_gather ${postgres.max_parallel_workers_per_gather ?? '?'}.`
      : 'PostgreSQL: not run.',
    '',
    markdownTable(result.rows),
    '',
    scaling
      ? `Scaling on PostgreSQL (by unit): ${scaling.map((s) => `${fmt(s.size)} dossiers (${s.dataFactor}×) p50 ${s.reportP50} ms = ${s.timeFactor}× (reference ${s.referenceP50} ms)`).join('; ')}.`
      : '',
    '',
  ].join('\n');
}

await main();
