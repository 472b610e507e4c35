import type { DossierState } from '../../../src/dossier/dossier-state.ts';

/**
 * A hand-built month for the report tests: November 2025 in Vietnam, i.e.
 * [2025-10-31T17:00Z, 2025-11-30T17:00Z). Instants are UTC; Vietnam is UTC+7.
 * What each dossier must count as is written beside it and worked out in
 * official-report.test.ts; its digitisation flags only there.
 */
export const period = { from: '2025-11-01', to: '2025-11-30' };

export const U1 = '000.00.12.H23';
export const U2 = '000.00.13.H23';
const KS = { procedureCode: '1.001193', procedureName: 'Đăng ký khai sinh', field: 'Hộ tịch' };
const TT = { procedureCode: '1.004222', procedureName: 'Đăng ký thường trú', field: 'Cư trú' };
const CT = { procedureCode: '2.000815', procedureName: 'Chứng thực bản sao từ bản chính', field: 'Chứng thực' };

type Facts = Partial<DossierState> & Pick<DossierState, 'code' | 'receivedAt' | 'dueAt' | 'status'>;

export function dossier(facts: Facts): DossierState {
  return {
    ...CT,
    applicantName: `Người nộp ${facts.code}`,
    channel: 'in-person',
    receivingUnitId: U1,
    receivedByOfficerId: 'can-bo-lan',
    holderUnitId: facts.receivingUnitId ?? U1,
    reportUnitId: facts.receivingUnitId ?? U1,
    holderOfficerId: null,
    originalDueAt: facts.dueAt,
    finishedAt: null,
    returnedAt: null,
    pausedWorkingMinutes: 0,
    supplementRequestCount: 0,
    extensionCount: 0,
    linkedGroupId: null,
    papersDigitised: false,
    resultDigitised: false,
    eventIds: [],
    anomalies: [],
    ...facts,
  };
}

export const handChecked: DossierState[] = [
  // Carried over (received 28/10), resolved 05/11 before due 06/11 → early; returned 07/11.
  dossier({ code: 'D01', papersDigitised: true, resultDigitised: true, ...TT, receivedAt: '2025-10-28T02:00:00Z', dueAt: '2025-11-06T10:00:00Z', status: 10,
    finishedAt: '2025-11-05T03:00:00Z', returnedAt: '2025-11-07T02:00:00Z' }),
  // Carried over (received 20/10), still in processing, due 29/10 → in processing, overdue.
  dossier({ code: 'D02', ...TT, receivedByOfficerId: 'can-bo-minh', receivedAt: '2025-10-20T03:00:00Z',
    dueAt: '2025-10-29T10:00:00Z', status: 4 }),
  // Received 01/10 and finished 30/10, both before the period → counts nowhere.
  dossier({ code: 'D03', receivedAt: '2025-10-01T02:00:00Z', dueAt: '2025-10-01T10:00:00Z', status: 10,
    finishedAt: '2025-10-30T09:00:00Z', returnedAt: '2025-10-31T02:00:00Z' }),
  // Same-day birth registration finished 03/11 15:00 VN, due 03/11 17:00 → on time.
  dossier({ code: 'D04', papersDigitised: true, resultDigitised: true, ...KS, receivedAt: '2025-11-03T01:30:00Z', dueAt: '2025-11-03T10:00:00Z', status: 9,
    finishedAt: '2025-11-03T08:00:00Z' }),
  // Online; finished 12/11, due 10/11 → late.
  dossier({ code: 'D05', papersDigitised: true, channel: 'online', receivedByOfficerId: 'can-bo-minh', receivedAt: '2025-11-05T02:00:00Z',
    dueAt: '2025-11-10T10:00:00Z', status: 10, finishedAt: '2025-11-12T04:00:00Z', returnedAt: '2025-11-13T02:00:00Z' }),
  // Two supplement requests: finished 18/11 before due 20/11, yet late by the national rule.
  dossier({ code: 'D06', ...TT, receivedAt: '2025-11-06T02:00:00Z', originalDueAt: '2025-11-13T10:00:00Z',
    dueAt: '2025-11-20T10:00:00Z', status: 10, finishedAt: '2025-11-18T04:00:00Z', returnedAt: '2025-11-19T02:00:00Z',
    supplementRequestCount: 2, pausedWorkingMinutes: 2400 }),
  // Withdrawn 10/11, after its due 07/11: still finished on time (withdrawals always are); also "withdrawn".
  dossier({ code: 'D07', papersDigitised: true, resultDigitised: true, receivedByOfficerId: 'can-bo-minh', receivedAt: '2025-11-07T02:00:00Z',
    dueAt: '2025-11-07T10:00:00Z', status: 7, finishedAt: '2025-11-10T02:00:00Z' }),
  // Refused at the desk ten minutes after receipt → received and refused.
  dossier({ code: 'D08', receivedAt: '2025-11-10T02:00:00Z', dueAt: '2025-11-10T10:00:00Z', status: 3,
    finishedAt: '2025-11-10T02:10:00Z' }),
  // Linked group LG-1, received by U1: its birth component D09 is U1's → on time; not collected yet.
  dossier({ code: 'D09', ...KS, linkedGroupId: 'LG-1', receivedAt: '2025-11-12T02:00:00Z', dueAt: '2025-11-12T10:00:00Z',
    status: 9, finishedAt: '2025-11-12T09:00:00Z' }),
  // Its residence component D10, received by U1 and transferred to the police U2, counts in U2's
  // report: finished 26/11, due 21/11 → late; its result came back to U1 and was returned 27/11.
  // The group is received in November, not returned: D09 still waits for the citizen.
  dossier({ code: 'D10', ...TT, linkedGroupId: 'LG-1', reportUnitId: U2, receivedAt: '2025-11-12T02:05:00Z',
    dueAt: '2025-11-21T10:00:00Z', status: 10, finishedAt: '2025-11-26T03:00:00Z', returnedAt: '2025-11-27T03:00:00Z' }),
  // Extended from 21/11 to 24/11, still in processing at the period end → in processing, overdue.
  dossier({ code: 'D11', ...TT, receivedByOfficerId: 'can-bo-minh', receivedAt: '2025-11-17T02:00:00Z',
    originalDueAt: '2025-11-21T10:00:00Z', dueAt: '2025-11-24T10:00:00Z', status: 4, extensionCount: 1 }),
  // Online, received 27/11, due 04/12 → in processing, not due.
  dossier({ code: 'D12', papersDigitised: true, channel: 'online', receivedAt: '2025-11-27T03:00:00Z', dueAt: '2025-12-04T10:00:00Z', status: 2 }),
  // Waiting for a supplement (5): paused, never overdue although its due 27/11 has passed.
  dossier({ code: 'D13', ...TT, receivedByOfficerId: 'can-bo-minh', receivedAt: '2025-11-20T02:00:00Z',
    dueAt: '2025-11-27T10:00:00Z', status: 5, supplementRequestCount: 1 }),
  // By post, processing stopped (8) on 25/11 → paused.
  dossier({ code: 'D14', channel: 'post', receivedAt: '2025-11-21T02:00:00Z', dueAt: '2025-11-28T10:00:00Z', status: 8,
    finishedAt: '2025-11-25T03:00:00Z' }),
  // Finished 01/12, after the period: open at the period end → in processing, not due (due 02/12).
  dossier({ code: 'D15', resultDigitised: true, ...TT, receivedByOfficerId: 'can-bo-minh', receivedAt: '2025-11-28T02:00:00Z',
    dueAt: '2025-12-02T10:00:00Z', status: 10, finishedAt: '2025-12-01T03:00:00Z', returnedAt: '2025-12-02T02:00:00Z' }),
  // Received at 00:00 on 01/12 Vietnam time, the exclusive end of the period → counts nowhere.
  dossier({ code: 'D16', papersDigitised: true, receivedAt: '2025-11-30T17:00:00Z', dueAt: '2025-12-01T10:00:00Z', status: 2 }),
  // By post, received at 00:00 on 01/11 Vietnam time, the first instant of the period; finished 03/11, due 04/11 → early.
  dossier({ code: 'D17', channel: 'post', receivedAt: '2025-10-31T17:00:00Z', dueAt: '2025-11-04T10:00:00Z', status: 10,
    finishedAt: '2025-11-03T04:00:00Z', returnedAt: '2025-11-04T02:00:00Z' }),
  // Unit U2, online. Due 21/11 23:00 VN, finished 22/11 01:00 VN (both 21/11 in UTC) → late by the Vietnam date.
  dossier({ code: 'D18', channel: 'online', receivingUnitId: U2, receivedByOfficerId: 'cong-an-hung',
    receivedAt: '2025-11-19T02:00:00Z', dueAt: '2025-11-21T16:00:00Z', status: 9, finishedAt: '2025-11-21T18:00:00Z' }),
  // Only some of its events have synced: no receipt yet → skipped and reported.
  dossier({ code: 'D19', receivedAt: '', dueAt: '', status: 1 }),
];
