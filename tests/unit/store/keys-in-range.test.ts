import { describe, expect, it } from 'vitest';
import { nameQueryRange, searchKeyId } from '../../../renderer/store/name-keys.ts';
import { keysInRange } from '../../../renderer/store/name-search.ts';
import type { SearchKeyReader } from '../../../renderer/store/name-search.ts';

/**
 * A reader over sorted ids whose reads complete in rounds, all pending reads at once, like
 * requests in flight together: the rounds a search waits are its chain of reads one after another.
 */
function roundsReader(keys: readonly string[]) {
  const ids = keys.flatMap((key) => [searchKeyId(key, '7000|A'), searchKeyId(key, '8000|B')]).sort();
  const pending: (() => void)[] = [];
  const later = <T>(value: () => T) => new Promise<T>((resolve) => pending.push(() => resolve(value())));
  const reader: SearchKeyReader = {
    firstId: (from, before) => later(() => ids.find((id) => id >= from && id < before) ?? null),
    idsAfter: (after, before, limit) => later(() => ids.filter((id) => id > after && id < before).slice(0, limit)),
  };
  async function run<T>(search: Promise<T>): Promise<{ result: T; rounds: number }> {
    let done = false;
    const settled = search.finally(() => {
      done = true;
    });
    let rounds = 0;
    for (; !done; rounds += 1) {
      for (const complete of pending.splice(0)) complete();
      // Let the search react to this round's answers before the next round.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return { result: await settled, rounds };
  }
  return { reader, run };
}

const range = (query: string) => nameQueryRange(query) as { from: string; to: string };
const page = { cursor: null, chunk: 3 };

describe('keysInRange', () => {
  it('finds the query’s own key and the names extending it, in index order, walking both at once', async () => {
    const { reader, run } = roundsReader(['nguyen van an', 'nguyen van anh', 'nguyen van an binh', 'nguyen van ba', 'van an']);
    const { result, rounds } = await run(keysInRange(reader, range('Nguyễn Văn An'), 10, page));
    expect(result?.map((k) => k.key)).toEqual(['nguyen van an binh', 'nguyen van anh', 'nguyen van an']);
    expect(await Promise.all(result?.map((k) => k.first) ?? [])).toEqual([
      [searchKeyId('nguyen van an binh', '7000|A'), searchKeyId('nguyen van an binh', '8000|B')],
      [searchKeyId('nguyen van anh', '7000|A'), searchKeyId('nguyen van anh', '8000|B')],
      [searchKeyId('nguyen van an', '7000|A'), searchKeyId('nguyen van an', '8000|B')],
    ]);
    // Two extending names found one after the other, then the read that finds no third: three rounds
    // (a walk from the start of the range through the own key would take four).
    expect(rounds).toBe(3);
  });

  it('answers a full name nothing extends after one round', async () => {
    const { reader, run } = roundsReader(['tran thi binh', 'tran thi bich']);
    const { result, rounds } = await run(keysInRange(reader, range('trần thị bình'), 10, page));
    expect(result?.map((k) => k.key)).toEqual(['tran thi binh']);
    expect(rounds).toBe(1);
  });

  it('finds only extending keys when the query is no name of its own, and none when nothing matches', async () => {
    const { reader, run } = roundsReader(['le an', 'le anh', 'le bao']);
    expect((await run(keysInRange(reader, range('le a'), 10, page))).result?.map((k) => k.key)).toEqual(['le anh', 'le an']);
    expect((await run(keysInRange(reader, range('le c'), 10, page))).result).toEqual([]);
  });

  it('says the query is too broad past max keys, the own key counted', async () => {
    const { reader, run } = roundsReader(['ngo', 'ngo a', 'ngo b']);
    expect((await run(keysInRange(reader, range('ngo'), 2, page))).result).toBeNull();
    expect((await run(keysInRange(reader, range('ngo'), 3, page))).result?.map((k) => k.key)).toEqual(['ngo a', 'ngo b', 'ngo']);
  });

  it('keeps the own key on a later page even when its chunk after the cursor is empty', async () => {
    const { reader, run } = roundsReader(['le an', 'le anh']);
    const { result } = await run(keysInRange(reader, range('le an'), 10, { cursor: '9000|Z', chunk: 3 }));
    expect(result?.map((k) => k.key)).toEqual(['le anh', 'le an']);
    expect(await result?.[1]?.first).toEqual([]);
  });
});
