import { describe, expect, it } from 'vitest';
import type { DossierState } from '../../../src/dossier/dossier-state.ts';
import { DossierStatus } from '../../../src/dossier/status.ts';
import { describeLinkedGroupLine, linkedGroupLine, LINKED_GROUP_LINE_LABEL } from '../../../src/reports/linked-groups.ts';
import { periodWindow } from '../../../src/reports/report-period.ts';
import { dossier } from './hand-checked-dossiers.ts';

/** November 2025 in Vietnam: [2025-10-31T17:00Z, 2025-11-30T17:00Z). */
const november = periodWindow({ from: '2025-11-01', to: '2025-11-30' });

type Facts = Partial<DossierState> & Pick<DossierState, 'code' | 'receivedAt'>;
const member = (group: string | null, facts: Facts): DossierState =>
  dossier({ dueAt: '2025-11-20T10:00:00Z', status: DossierStatus.InProcessing, linkedGroupId: group, ...facts });
/** Resolved and handed over to the citizen at `returnedAt`. */
const returned = (group: string, code: string, returnedAt: string, facts: Partial<DossierState> = {}): DossierState =>
  member(group, { code, receivedAt: '2025-11-10T02:00:00Z', status: DossierStatus.Returned, finishedAt: '2025-11-12T02:00:00Z', returnedAt, ...facts });

describe('linkedGroupLine', () => {
  it('counts a group received when its first component was, whatever the others', () => {
    const line = linkedGroupLine(
      [
        member('G1', { code: 'A', receivedAt: '2025-10-31T16:59:59.999Z' }), // 31/10 23:59 VN: before November
        member('G1', { code: 'B', receivedAt: '2025-11-03T02:00:00Z' }),
        member('G2', { code: 'C', receivedAt: '2025-11-30T16:59:00Z' }), // 30/11 23:59 VN
        member('G2', { code: 'D', receivedAt: '2025-12-01T02:00:00Z' }),
        member('G3', { code: 'E', receivedAt: '2025-11-30T17:00:00Z' }), // 01/12 00:00 VN: after
        member(null, { code: 'F', receivedAt: '2025-11-05T02:00:00Z' }), // not linked
      ],
      november,
    );
    expect(line).toEqual({ received: 1, returned: 0, returnedOnTime: 0 });
  });

  it('counts a group returned once every component is handed over, in the period of the last hand-over', () => {
    const line = linkedGroupLine(
      [
        // G1: both returned in November, the last on 20/11 (its due date) → on time.
        returned('G1', 'A1', '2025-11-14T02:00:00Z'),
        returned('G1', 'A2', '2025-11-20T16:59:59.999Z'),
        // G2: one component resolved but not collected yet → not returned.
        returned('G2', 'B1', '2025-11-14T02:00:00Z'),
        member('G2', { code: 'B2', receivedAt: '2025-11-10T02:00:00Z', status: DossierStatus.Resolved, finishedAt: '2025-11-13T02:00:00Z' }),
        // G3: the last hand-over on 01/12 → returned in December, not in November.
        returned('G3', 'C1', '2025-11-14T02:00:00Z'),
        returned('G3', 'C2', '2025-11-30T17:00:00Z'),
        // G4: a component still in processing → not returned.
        returned('G4', 'D1', '2025-11-14T02:00:00Z'),
        member('G4', { code: 'D2', receivedAt: '2025-11-10T02:00:00Z' }),
      ],
      november,
    );
    expect(line).toEqual({ received: 4, returned: 1, returnedOnTime: 1 });
  });

  it('takes a refused, withdrawn or stopped component as handed over when it finished', () => {
    const closed = (group: string, status: DossierStatus, finishedAt: string) =>
      member(group, { code: `${group}-closed`, receivedAt: '2025-11-10T02:00:00Z', status, finishedAt });
    const line = linkedGroupLine(
      [
        returned('G1', 'A1', '2025-11-14T02:00:00Z'),
        closed('G1', DossierStatus.Refused, '2025-11-10T03:00:00Z'),
        returned('G2', 'B1', '2025-11-14T02:00:00Z'),
        closed('G2', DossierStatus.Withdrawn, '2025-11-25T03:00:00Z'), // the last: 25/11, after its due date 20/11 → late
        returned('G3', 'C1', '2025-11-14T02:00:00Z'),
        closed('G3', DossierStatus.Stopped, '2025-11-15T03:00:00Z'),
      ],
      november,
    );
    expect(line).toEqual({ received: 3, returned: 3, returnedOnTime: 2 });
  });

  it('judges the group by the Vietnam date of its latest due date', () => {
    const line = linkedGroupLine(
      [
        // G1: due 20/11 and 27/11 (VN); last hand-over 27/11 23:59 VN → on time.
        returned('G1', 'A1', '2025-11-14T02:00:00Z'),
        returned('G1', 'A2', '2025-11-27T16:59:00Z', { dueAt: '2025-11-27T01:00:00Z' }),
        // G2: due 20/11 17:00 VN; last hand-over 21/11 00:00 VN → late by the date, not the hour.
        returned('G2', 'B1', '2025-11-20T17:00:00Z'),
        // G3: no due date anywhere: never on time.
        returned('G3', 'C1', '2025-11-14T02:00:00Z', { dueAt: '' }),
      ],
      november,
    );
    expect(line).toEqual({ received: 3, returned: 3, returnedOnTime: 1 });
  });

  it('leaves out components with no receipt yet, and needs no order', () => {
    const members = [
      returned('G1', 'A1', '2025-11-14T02:00:00Z'),
      member('G1', { code: 'A2', receivedAt: '', dueAt: '' }), // only later events synced: not a component yet
      returned('G2', 'B1', '2025-11-15T02:00:00Z'),
      returned('G2', 'B2', '2025-11-16T02:00:00Z'),
    ];
    expect(linkedGroupLine(members, november)).toEqual({ received: 2, returned: 2, returnedOnTime: 2 });
    expect(linkedGroupLine([...members].reverse(), november)).toEqual({ received: 2, returned: 2, returnedOnTime: 2 });
    expect(linkedGroupLine([], november)).toEqual({ received: 0, returned: 0, returnedOnTime: 0 });
  });
});

describe('describeLinkedGroupLine', () => {
  it('says the line in the words of the desk and the dashboard, and nothing when no group was received or returned', () => {
    expect(describeLinkedGroupLine({ received: 1_250, returned: 3, returnedOnTime: 2 })).toBe(
      `${LINKED_GROUP_LINE_LABEL}: tiếp nhận 1.250 nhóm; trả đủ kết quả 3 nhóm, trong đó đúng hạn 2.`,
    );
    expect(describeLinkedGroupLine({ received: 0, returned: 1, returnedOnTime: 0 })).toBe(
      'Nhóm hồ sơ liên thông: tiếp nhận 0 nhóm; trả đủ kết quả 1 nhóm, trong đó đúng hạn 0.',
    );
    expect(describeLinkedGroupLine({ received: 0, returned: 0, returnedOnTime: 0 })).toBeNull();
  });
});
