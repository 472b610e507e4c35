import { describe, expect, it } from 'vitest';
import { countableDossiers } from '../../../src/reports/linked-groups.ts';

const item = (code: string, linkedGroupId: string | null, receivedMs: number) => ({ dossier: { code, linkedGroupId }, receivedMs });

describe('countableDossiers', () => {
  it('keeps unlinked dossiers and the first-received member of each group', () => {
    const items = [item('B', 'G', 20), item('A', null, 50), item('C', 'G', 10), item('D', 'H', 5), item('E', 'H', 5)];
    expect(countableDossiers(items).map((i) => i.dossier.code)).toEqual(['A', 'C', 'D']);
    expect(countableDossiers([...items].reverse()).map((i) => i.dossier.code)).toEqual(['D', 'C', 'A']);
  });
});
