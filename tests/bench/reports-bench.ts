// Times a year's official report: the domain computation over 200,000 desk dossiers, and the
// server's query + computation over N projected dossiers in PGlite (REPORT_BENCH_SERVER_ROWS,
// default 200,000; the target is 2,000,000 on PostgreSQL). Run: npx tsx tests/bench/reports-bench.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectDossier } from '../../src/dossier/projection.ts';
import type { DossierState } from '../../src/dossier/dossier-state.ts';
import { computeOfficialReport } from '../../src/reports/official-report.ts';
import { openDatabase } from '../../sync/server/db/database.ts';
import { serverOfficialReport } from '../../sync/server/reports/official-report.ts';
import { generateReportDataset } from '../support/report-dataset.ts';

const DESK_ROWS = 200_000;
const SERVER_ROWS = Number(process.env.REPORT_BENCH_SERVER_ROWS ?? 200_000);
const PERIOD = { from: '2025-01-01', to: '2025-12-31' };

function time<T>(label: string, run: () => T): T {
  const start = performance.now();
  const result = run();
  console.log(`${label}: ${(performance.now() - start).toFixed(0)} ms`);
  return result;
}

/** Copies of the generated year with fresh codes, until `count` dossiers. */
function multiply(base: readonly DossierState[], count: number): DossierState[] {
  return Array.from({ length: count }, (_, i) => {
    const d = base[i % base.length] as DossierState;
    const copy = Math.floor(i / base.length);
    return { ...d, code: `${d.code.slice(0, -4)}${String(i % 10_000).padStart(4, '0')}-${copy}`, linkedGroupId: d.linkedGroupId && `${d.linkedGroupId}-${copy}` };
  });
}

const dataset = generateReportDataset({ seed: 1, units: 3, perDay: 6, from: '2025-01-02', to: '2025-12-31' });
const base = dataset.dossiers.map((d) => projectDossier(d.events));
console.log(`machine: ${cpus()[0]?.model ?? '?'} × ${cpus().length}, node ${process.version}`);
const desk = multiply(base, DESK_ROWS);
time(`desk: year report, ${DESK_ROWS} dossiers, by procedure (domain only)`, () => computeOfficialReport({ dossiers: desk, period: PERIOD, groupBy: 'procedure' }));

const dir = mkdtempSync(join(tmpdir(), 'motcua-report-bench-'));
const database = await openDatabase({ kind: 'pglite', dataDir: dir });
try {
  const db = database.db;
  for (const unit of dataset.units) await db.insertInto('units').values({ id: unit.id, name: unit.name, level: 'commune', parent_id: null }).execute();
  const rows = multiply(base, SERVER_ROWS);
  const insertStart = performance.now();
  for (let i = 0; i < rows.length; i += 2_000) {
    await db
      .insertInto('dossiers')
      .values(
        rows.slice(i, i + 2_000).map((d) => ({
          code: d.code, receiving_unit_id: d.receivingUnitId, holder_unit_id: d.holderUnitId, status: d.status, procedure_code: d.procedureCode,
          received_at: d.receivedAt, due_at: d.dueAt, finished_at: d.finishedAt, returned_at: d.returnedAt,
          state: JSON.stringify({ ...d, eventIds: [] }), last_event_seq: 0,
        })),
      )
      .execute();
  }
  console.log(`server: inserted ${SERVER_ROWS} projections in ${(performance.now() - insertStart).toFixed(0)} ms`);
  const start = performance.now();
  const report = await serverOfficialReport(db, { period: PERIOD, groupBy: 'unit' });
  console.log(`server: year report, ${SERVER_ROWS} dossiers, by unit (query + domain, PGlite): ${(performance.now() - start).toFixed(0)} ms; total received ${report.total.received.total}`);
} finally {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
