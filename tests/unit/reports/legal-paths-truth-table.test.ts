import { describe, expect, it } from 'vitest';
import { computeOfficialReport } from '../../../src/reports/official-report.ts';
import { DossierStatus } from '../../../src/dossier/status.ts';
import { columnsOf, legalPaths, projectPaths, rowsByPath, TRUTH_PERIOD } from '../../support/legal-paths.ts';

/**
 * Issue 20, point 8: every path of a dossier's legal life lands in exactly one intake column and
 * exactly one outcome column of the official report, on the desk (this file) and on the server
 * (tests/integration/reports/legal-paths-truth-table.test.ts, from the same events).
 */
describe("the official report's truth table, one row per legal path (desk)", () => {
  const paths = legalPaths();
  const states = projectPaths(paths);
  const report = computeOfficialReport({ dossiers: states, period: TRUTH_PERIOD, groupBy: 'procedure' });
  const rows = rowsByPath(report);

  it('projects every path without an anomaly: each event is legal where it stands', () => {
    for (const [index, state] of states.entries()) expect(state.anomalies, paths[index]?.key).toEqual([]);
    expect(report.skipped).toEqual([]);
    expect(states.find((s) => s.procedureCode === 'path.obligation-pending')?.status).toBe(DossierStatus.FinancialObligationPending);
  });

  it.each(paths.map((path) => [path.key, path] as const))('%s lands in one intake and one outcome column', (key, path) => {
    const row = rows.get(key);
    expect(row, `no report row for ${key}`).toBeDefined();
    expect(columnsOf(row!), `${path.name}${path.why ? ` (${path.why})` : ''}`).toEqual({ intake: [path.intake], outcome: [path.outcome] });
  });

  it('balances: carried over + received = finished + refused + paused + in processing', () => {
    const total = report.total;
    expect(total.carriedOver + total.received.total).toBe(paths.length);
    expect(total.finished.total + total.refused + total.paused + total.inProcessing.total).toBe(paths.length);
  });
});
