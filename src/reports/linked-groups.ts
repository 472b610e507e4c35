import type { DossierState } from '../dossier/dossier-state.ts';

interface LinkableDossier {
  dossier: Pick<DossierState, 'code' | 'linkedGroupId'>;
  receivedMs: number;
}

/**
 * Dossiers of one linked procedure group (e.g. birth + residence + health
 * insurance) are one request of the citizen and must be counted once.
 * The member received first represents the group (ties: the smaller code):
 * its procedure, unit, officer, channel, dates and status stand for the
 * group; the other members are not counted anywhere.
 */
export function countableDossiers<T extends LinkableDossier>(items: readonly T[]): T[] {
  const representatives = new Map<string, T>();
  for (const item of items) {
    const group = item.dossier.linkedGroupId;
    if (group === null) continue;
    const current = representatives.get(group);
    if (current === undefined || isReceivedBefore(item, current)) representatives.set(group, item);
  }
  return items.filter((item) => item.dossier.linkedGroupId === null || representatives.get(item.dossier.linkedGroupId) === item);
}

function isReceivedBefore(a: LinkableDossier, b: LinkableDossier): boolean {
  const difference = a.receivedMs - b.receivedMs;
  return difference < 0 || (difference === 0 && a.dossier.code < b.dossier.code);
}
