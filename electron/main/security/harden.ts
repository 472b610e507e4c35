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

/**
 * No permission is granted but one: the app's own pages may use a camera, video only, to
 * digitise papers (a document camera or webcam; issue 22). Microphone, screen capture,
 * notifications, geolocation, USB, HID, serial… are always refused, and so is any other origin.
 */
export function grantOnlyDocumentCamera(session: Session, log: HardenDeps['log']): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const granted = isDocumentCamera(permission, details.requestingUrl, 'mediaTypes' in details ? details.mediaTypes : undefined);
    if (!granted) log.warn('permission refused', permission);
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isDocumentCamera(permission, requestingOrigin, 'mediaType' in details && details.mediaType ? [details.mediaType] : undefined),
  );
  session.setDevicePermissionHandler(() => false);
}

function isDocumentCamera(permission: string, url: string | undefined, mediaTypes: readonly string[] | undefined): boolean {
  return permission === 'media' && url !== undefined && isAppUrl(url) && mediaTypes !== undefined && mediaTypes.length > 0 && mediaTypes.every((type) => type === 'video');
}
