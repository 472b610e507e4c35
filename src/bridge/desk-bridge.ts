import { z } from 'zod';

/**
 * The desk bridge is the one typed seam between the renderer and its host.
 * Electron's preload and the browser's web bridge both implement it, and
 * every payload crossing it is described here once, as a runtime schema.
 */
export const hostKindSchema = z.enum(['electron', 'web']);
export type HostKind = z.infer<typeof hostKindSchema>;

export const appInfoSchema = z.object({
  name: z.string().min(1),
  version: z.string().min(1),
  host: hostKindSchema,
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export interface DeskBridge {
  getAppInfo(): Promise<AppInfo>;
}
