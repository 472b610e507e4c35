import { describe, expect, it } from 'vitest';
import type { DossierState } from '../../../src/dossier/dossier-state.ts';
import { DossierStatus } from '../../../src/dossier/status.ts';
import { fromReportRow, parseReportRows, toReportRow } from '../../../renderer/store/report-rows.ts';

const state: DossierState = {
  code: '000.00.12.H23-251124-2001',
  procedureCode: '1.001612',
  procedureName: 'Đăng ký khai sinh',
  field: 'Hộ tịch',
  applicantName: 'Nguyễn Văn An',
  channel: 'post',
  receivingUnitId: '000.00.12.H23',
  receivedByOfficerId: 'tn-1',
  holderUnitId: '000.00.12.H24',
  holderOfficerId: null,
  reportUnitId: '000.00.41.H23',
  status: DossierStatus.Resolved,
  receivedAt: '2025-11-24T01:00:00.000Z',
  originalDueAt: '2025-11-27T10:00:00.000Z',
  dueAt: '2025-11-28T10:00:00.000Z',
  finishedAt: '2025-11-27T03:00:00.000Z',
  returnedAt: null,
  pausedWorkingMinutes: 480,
  supplementRequestCount: 1,
  extensionCount: 2,
  linkedGroupId: 'LT-7',
  papersDigitised: true,
  resultDigitised: false,
  eventIds: ['e1', 'e2'],
  anomalies: [{ eventId: 'e2', code: 'x', message: 'y' }],
};

describe('report rows', () => {
  it('round-trips every field of a dossier but its route and anomalies, through JSON', () => {
    const rows = parseReportRows(JSON.stringify({ [state.code]: toReportRow(state) }));
    const back = fromReportRow(state.code, rows[state.code]);
    expect(back).toEqual({ ...state, eventIds: [], anomalies: [] });
    // Each field lands in its own place (a swapped pair of same-typed fields would pass toEqual on a copy).
    expect(back.holderUnitId).toBe('000.00.12.H24');
    expect([back.originalDueAt, back.dueAt, back.finishedAt]).toEqual([state.originalDueAt, state.dueAt, state.finishedAt]);
    expect([back.pausedWorkingMinutes, back.supplementRequestCount, back.extensionCount]).toEqual([480, 1, 2]);
    expect([back.papersDigitised, back.resultDigitised]).toEqual([true, false]);
  });

  it('refuses damaged data with a clear message', () => {
    expect(() => fromReportRow('X', ['too', 'short'])).toThrow(/Dữ liệu báo cáo của hồ sơ X bị hỏng/);
    expect(() => fromReportRow('X', 'not a row')).toThrow(/bị hỏng/);
    expect(() => parseReportRows('[1,2]')).toThrow(/Dữ liệu báo cáo theo ngày bị hỏng/);
  });
});
