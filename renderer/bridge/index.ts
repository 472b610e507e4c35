import type { DeskBridge } from '../../src/bridge/desk-bridge.ts';
import { createWebBridge } from './web/web-bridge.ts';

declare global {
  interface Window {
    /** Set by Electron's preload; absent in a plain browser. */
    motcua?: DeskBridge;
  }
}

/** Picks the host's bridge: Electron's when the preload exposed one, else the web bridge. */
export function resolveDeskBridge(): DeskBridge {
  return window.motcua ?? createWebBridge(__APP_VERSION__);
}
