import { appInfoSchema, type AppInfo, type DeskBridge } from '../../../src/bridge/desk-bridge.ts';

/** The desk bridge for a plain browser (`npm run web`, E2E tests). */
export function createWebBridge(version: string): DeskBridge {
  const info: AppInfo = appInfoSchema.parse({ name: 'Một Cửa', version, host: 'web' });
  return {
    getAppInfo: async () => info,
  };
}
