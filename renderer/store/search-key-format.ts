import type { RxCollection } from 'rxdb';
import { NAME_KEY_FORMAT, nameSearchKeys, searchKeyId } from './name-keys.ts';
import { readByPrimaryKey } from './paged-queries.ts';
import type { DossierDoc } from './schemas/dossier-schema.ts';
import type { SearchKeyDoc } from './schemas/search-key-schema.ts';
import type { SettingsRepository } from './settings-repository.ts';
import { z } from 'zod';

/**
 * The name keys of every projection, brought to the current layout (`NAME_KEY_FORMAT`) once per
 * store: a desk whose keys were written before the pair keys has them added at open, in the
 * background and in chunks through the serial queue (so never between a projection's writes),
 * like the report days. Each layout so far only adds keys to the one before, so a chunk upserts
 * every name key of its dossiers (those already there are rewritten unchanged) and removes
 * nothing; citizen-ID keys do not change. Until the marker is written, a name is found by the
 * older keys only (a skipped word finds fewer dossiers); nothing is ever lost.
 */
export const NAME_KEYS_BUILT = 'name-keys-built';
const CHUNK = 500;
const markerSchema = z.object({ format: z.number() });

export interface SearchKeyFormatDeps {
  dossiers: RxCollection<DossierDoc>;
  searchkeys: RxCollection<SearchKeyDoc>;
  settings: SettingsRepository;
}

/** Whether the name keys of every projection are in the current layout. */
export async function nameKeysCurrent(settings: SettingsRepository): Promise<boolean> {
  return (await settings.get(NAME_KEYS_BUILT, markerSchema, { format: 0 })).format === NAME_KEY_FORMAT;
}

/** Marks the keys current without a pass: a new store, or one whose keys were all just written. */
export async function markNameKeysCurrent(settings: SettingsRepository): Promise<void> {
  await settings.set(NAME_KEYS_BUILT, { format: NAME_KEY_FORMAT });
}

export async function upgradeNameKeysIfOld(
  deps: SearchKeyFormatDeps,
  serial: <T>(task: () => Promise<T>) => Promise<T>,
  stopped: () => boolean,
): Promise<void> {
  if (await nameKeysCurrent(deps.settings)) return;
  for (let after: string | null = ''; after !== null; ) {
    if (stopped()) return;
    const from: string = after;
    after = await serial(() => upgradeChunk(deps, from));
  }
  await serial(() => markNameKeysCurrent(deps.settings));
}

async function upgradeChunk({ dossiers, searchkeys }: SearchKeyFormatDeps, after: string): Promise<string | null> {
  const docs = await readByPrimaryKey(dossiers, { after }, CHUNK);
  const keys = docs.flatMap((doc) => nameSearchKeys(doc.applicantName).map((key) => ({ id: searchKeyId(key, doc.receivedDescKey), code: doc.code })));
  if (keys.length > 0) await searchkeys.bulkUpsert(keys);
  const last = docs[docs.length - 1];
  return last === undefined || docs.length < CHUNK ? null : last.code;
}
