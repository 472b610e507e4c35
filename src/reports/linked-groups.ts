import type { DossierState } from '../dossier/dossier-state.ts';
import { CLOSED_WITHOUT_RESULT } from '../dossier/linked-group.ts';
import { localDateOf } from '../time/vn-time.ts';
import type { PeriodWindow } from './report-period.ts';

/**
 * Linked procedure groups in the official report (issue 21 point 6). Every component is a dossier
 * of its own, counted once, in the report of the unit competent for it (`reportUnitId`): the
 * group adds no dossier to any figure. The unit that received groups gets this line beside them.
 */
export interface LinkedGroupLine {
  /** Groups whose reception falls in the period. */
  received: number;
  /** Groups whose last component was handed over (or closed without a result) in the period. */
  returned: number;
  /** Of those, the ones whose last hand-over was on or before the group's appointment date. */
  returnedOnTime: number;
}

export const LINKED_GROUP_LINE_LABEL = 'Nhóm hồ sơ liên thông';

type GroupMember = Pick<DossierState, 'linkedGroupId' | 'status' | 'receivedAt' | 'dueAt' | 'finishedAt' | 'returnedAt'>;

/** When the citizen was done with the component; null while it is still to be handed over. */
function handedOverAt(member: GroupMember): number | null {
  if (member.returnedAt !== null) return Date.parse(member.returnedAt);
  if (CLOSED_WITHOUT_RESULT.has(member.status) && member.finishedAt !== null) return Date.parse(member.finishedAt);
  return null;
}

/**
 * The line of the groups among `dossiers` (the components received by the units reported on). A
 * group is on time when its last hand-over falls on or before the Vietnam date of its latest
 * component's due date (the group's appointment), as a dossier is judged.
 */
export function linkedGroupLine(dossiers: Iterable<GroupMember>, window: PeriodWindow): LinkedGroupLine {
  const groups = new Map<string, GroupMember[]>();
  for (const dossier of dossiers) {
    if (dossier.linkedGroupId === null || dossier.receivedAt === '') continue;
    const members = groups.get(dossier.linkedGroupId);
    if (members) members.push(dossier);
    else groups.set(dossier.linkedGroupId, [dossier]);
  }
  const line: LinkedGroupLine = { received: 0, returned: 0, returnedOnTime: 0 };
  const inWindow = (ms: number) => ms >= window.startMs && ms < window.endMs;
  for (const members of groups.values()) {
    if (inWindow(Math.min(...members.map((m) => Date.parse(m.receivedAt))))) line.received += 1;
    const handedOver = members.map(handedOverAt);
    if (handedOver.some((at) => at === null)) continue;
    const last = Math.max(...(handedOver as number[]));
    if (!inWindow(last)) continue;
    line.returned += 1;
    const dues = members.filter((m) => m.dueAt !== '').map((m) => Date.parse(m.dueAt));
    if (dues.length > 0 && localDateOf(last) <= localDateOf(Math.max(...dues))) line.returnedOnTime += 1;
  }
  return line;
}

/**
 * The line as the report prints it, in the same words on the desk and on the provincial dashboard;
 * null when no group was received or returned in the period (the line is then left out).
 */
export function describeLinkedGroupLine(line: LinkedGroupLine): string | null {
  if (line.received === 0 && line.returned === 0) return null;
  const count = (value: number) => value.toLocaleString('vi-VN');
  return `${LINKED_GROUP_LINE_LABEL}: tiếp nhận ${count(line.received)} nhóm; trả đủ kết quả ${count(line.returned)} nhóm, trong đó đúng hạn ${count(line.returnedOnTime)}.`;
}
