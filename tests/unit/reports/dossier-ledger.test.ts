import { describe, expect, it } from 'vitest';
import { dossierLedger } from '../../../src/reports/dossier-ledger.ts';
import { handChecked, period } from './hand-checked-dossiers.ts';

describe('dossierLedger', () => {
  const ledger = dossierLedger(handChecked, period);

  it('lists every dossier received in the period, linked ones included, in order of receipt', () => {
    // D01 D02 D03 received before 01/11, D16 at the exclusive end; D19 has no receipt.
    expect(ledger.rows.map((r) => r.code)).toEqual([
      'D17', 'D04', 'D05', 'D06', 'D07', 'D08', 'D09', 'D10', 'D11', 'D18', 'D13', 'D14', 'D12', 'D15',
    ]);
    expect(ledger.rows.map((r) => r.lineNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(ledger.skipped.map((s) => s.code)).toEqual(['D19']);
  });

  it('fills a line with Vietnam dates and remarks', () => {
    expect(ledger.rows[0]).toEqual({
      lineNumber: 1,
      code: 'D17',
      procedureCode: '2.000815',
      procedureName: 'Chứng thực bản sao từ bản chính',
      applicantName: 'Người nộp D17',
      receivedAt: '2025-10-31T17:00:00Z',
      receivedDate: '2025-11-01',
      appointmentAt: '2025-11-04T10:00:00Z',
      appointmentDate: '2025-11-04',
      resultReturnedAt: '2025-11-04T02:00:00Z',
      resultReturnedDate: '2025-11-04',
      notes: ['Nộp qua bưu chính'],
    });
  });

  it.each([
    ['D06', '2025-11-13', ['Yêu cầu bổ sung 2 lần', 'Hẹn lại ngày 20/11/2025']],
    ['D11', '2025-11-21', ['Hẹn lại ngày 24/11/2025']],
    ['D07', '2025-11-07', ['Công dân rút hồ sơ']],
    ['D08', '2025-11-10', ['Từ chối tiếp nhận, giải quyết']],
    ['D14', '2025-11-28', ['Nộp qua bưu chính', 'Dừng giải quyết']],
    ['D09', '2025-11-12', ['Hồ sơ liên thông (nhóm LG-1)']],
    ['D18', '2025-11-21', ['Nộp trực tuyến']],
    ['D04', '2025-11-03', []],
  ])('%s: appointment %s, remarks %j', (code, appointmentDate, notes) => {
    const line = ledger.rows.find((r) => r.code === code);
    expect(line?.appointmentDate).toBe(appointmentDate);
    expect(line?.notes).toEqual(notes);
  });

  it('leaves the return empty until the result is handed back', () => {
    const line = ledger.rows.find((r) => r.code === 'D09');
    expect(line?.resultReturnedAt).toBeNull();
    expect(line?.resultReturnedDate).toBeNull();
  });

  it('falls back to the current due date when the original appointment is unreadable', () => {
    const d04 = handChecked.find((d) => d.code === 'D04')!;
    const result = dossierLedger([{ ...d04, originalDueAt: '' }], period);
    expect(result.rows[0]?.appointmentAt).toBe(d04.dueAt);
  });

  it('rejects a bad period', () => {
    expect(() => dossierLedger(handChecked, { from: '2025-11-01', to: '2025-11-31' })).toThrow(
      expect.objectContaining({ code: 'report.bad_period' }),
    );
  });
});
