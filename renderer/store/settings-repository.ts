import type { z } from 'zod';
import { INITIAL_THROTTLE_STATE, loginThrottleStateSchema } from '../../src/auth/login-throttle.ts';
import type { ThrottleStore } from '../../src/auth/login.ts';
import type { RxCollection } from 'rxdb';
import { instantFromMs } from './instant.ts';
import type { SettingsDoc } from './schemas/settings-schema.ts';

export interface SettingsRepository {
  /** The stored value parsed with `schema`, or `fallback` when absent or no longer valid. */
  get<S extends z.ZodType<Record<string, unknown>>>(key: string, schema: S, fallback: z.output<S>): Promise<z.output<S>>;
  set(key: string, value: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
  /** Login throttle states, kept per username so that a reload does not reset the count. */
  loginThrottle: ThrottleStore;
}

export function createSettingsRepository(collection: RxCollection<SettingsDoc>, now: () => number): SettingsRepository {
  const repo: SettingsRepository = {
    async get(key, schema, fallback) {
      const doc = await collection.findOne(key).exec();
      if (!doc) return fallback;
      const parsed = schema.safeParse(doc.toMutableJSON().value);
      return parsed.success ? parsed.data : fallback;
    },
    async set(key, value) {
      // One write when the doc is in RxDB's cache (it usually is, having just been read), where
      // `upsert` first tries an insert that fails on a known key.
      await collection.incrementalUpsert({ id: key, value: JSON.parse(JSON.stringify(value)) as Record<string, unknown>, updatedAt: instantFromMs(now()) });
    },
    async remove(key) {
      const doc = await collection.findOne(key).exec();
      await doc?.remove();
    },
    loginThrottle: {
      load: (username) => repo.get(`login-throttle:${username}`, loginThrottleStateSchema, { ...INITIAL_THROTTLE_STATE }),
      save: (username, state) => repo.set(`login-throttle:${username}`, state),
    },
  };
  return repo;
}
