import { z } from 'zod';
import type { DeskStore } from '../../store/index.ts';

const MAX_RECENT = 6;
const recentSchema = z.object({ codes: z.array(z.string()).max(50) });
const keyOf = (officerId: string) => `recent-procedures:${officerId}`;

/** The procedures this officer received most recently, newest first. */
export async function loadRecentProcedures(store: DeskStore, officerId: string): Promise<string[]> {
  return (await store.settings.get(keyOf(officerId), recentSchema, { codes: [] })).codes;
}

export async function rememberProcedure(store: DeskStore, officerId: string, code: string): Promise<string[]> {
  const current = await loadRecentProcedures(store, officerId);
  // Officers often receive the same procedure in a row: nothing changes, nothing to write.
  if (current[0] === code) return current;
  const codes = [code, ...current.filter((other) => other !== code)].slice(0, MAX_RECENT);
  await store.settings.set(keyOf(officerId), { codes });
  return codes;
}
