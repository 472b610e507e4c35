import { z } from 'zod';

/** Provincial server addresses for this desk. Kept as data in userData; env overrides for testing. */
export const deskConfigSchema = z.object({
  updateUrl: z.url().default('http://localhost:8080/updates/'),
  syncServerUrl: z.url().optional(),
});
export type DeskConfig = z.infer<typeof deskConfigSchema>;

export function readDeskConfig(fileText: string | undefined, env: Record<string, string | undefined>, log: { warn(...v: unknown[]): void }): DeskConfig {
  let fromFile: unknown = {};
  try {
    fromFile = fileText ? JSON.parse(fileText) : {};
  } catch {
    log.warn('desk-config.json is not JSON; using defaults');
  }
  const merged = {
    ...(typeof fromFile === 'object' && fromFile !== null ? fromFile : {}),
    ...(env.MOTCUA_UPDATE_URL ? { updateUrl: env.MOTCUA_UPDATE_URL } : {}),
    ...(env.MOTCUA_SYNC_URL ? { syncServerUrl: env.MOTCUA_SYNC_URL } : {}),
  };
  const parsed = deskConfigSchema.safeParse(merged);
  if (parsed.success) return parsed.data;
  log.warn('desk configuration invalid; using defaults', parsed.error.issues);
  return deskConfigSchema.parse({});
}
