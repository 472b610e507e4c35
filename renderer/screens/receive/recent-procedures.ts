import { z } from 'zod';
import type { DeskStore } from '../../store/index.ts';

const MAX_RECENT = 6;
const recentSchema = z.object({ codes: z.array(z.string()).max(50) });
const keyOf = (officerId: string) => `recent-procedures:${officerId}`;

/**
 * The lists read or written through each store, so that a receipt writes its officer's list
 * without reading it back first. A list is a convenience: another window's newer one is only
 * seen after a restart, and the last writer wins.
 */
const known = new WeakMap<DeskStore, Map<string, string[]>>();

function knownOf(store: DeskStore): Map<string, string[]> {
  let lists = known.get(store);
  if (!lists) {
    lists = new Map();
    known.set(store, lists);
  }
  return lists;
}

/** The procedures this officer received most recently, newest first. */
export async function loadRecentProcedures(store: DeskStore, officerId: string): Promise<string[]> {
  const cached = knownOf(store).get(officerId);
  if (cached) return cached;
  const { codes } = await store.settings.get(keyOf(officerId), recentSchema, { codes: [] });
  knownOf(store).set(officerId, codes);
  return codes;
}

export async function rememberProcedure(store: DeskStore, officerId: string, code: string): Promise<string[]> {
  const current = await loadRecentProcedures(store, officerId);
  // Officers often receive the same procedure in a row: nothing changes, nothing to write.
  if (current[0] === code) return current;
  const codes = [code, ...current.filter((other) => other !== code)].slice(0, MAX_RECENT);
  await store.settings.set(keyOf(officerId), { codes });
  knownOf(store).set(officerId, codes);
  return codes;
}
