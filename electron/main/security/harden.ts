import type { Session, WebContents } from 'electron';
import { isAppUrl, isExternalWebUrl } from './app-origin.ts';

export interface HardenDeps {
  openExternal(url: string): Promise<void>;
  log: { warn(...values: unknown[]): void };
}

/**
 * Navigation stays inside the app; new windows are never created (http/https links
 * go to the system browser); <webview> is refused.
 */
export function hardenWebContents(contents: WebContents, deps: HardenDeps): void {
  const refuseNavigation = (event: { preventDefault(): void }, url: string) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    deps.log.warn('navigation refused', url);
  };
  contents.on('will-navigate', refuseNavigation);
  contents.on('will-redirect', refuseNavigation);
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    deps.log.warn('webview refused');
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebUrl(url)) {
      deps.openExternal(url).catch((error: unknown) => deps.log.warn('openExternal failed', url, error));
    } else {
      deps.log.warn('window.open refused', url);
    }
    return { action: 'deny' };
  });
}

/** No permission is ever granted: camera, notifications, geolocation, USB, HID, serial… */
export function denyAllPermissions(session: Session, log: HardenDeps['log']): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn('permission refused', permission);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
