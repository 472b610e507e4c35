import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { appEntryUrl } from './security/app-origin.ts';
import { secureWebPreferences } from './security/web-preferences.ts';
import type { WindowState } from './window-state.ts';

export interface MainWindowDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
}

export function mainWindowOptions(preloadPath: string, state: WindowState, iconPath?: string): BrowserWindowConstructorOptions {
  return {
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Một Cửa',
    backgroundColor: '#ffffff',
    ...(iconPath ? { icon: iconPath } : {}),
    webPreferences: secureWebPreferences(preloadPath),
  };
}

/** The one desk window, shown when painted (no white flash), loading the app protocol. */
export function createMainWindow(deps: MainWindowDeps, options: { preloadPath: string; state: WindowState; iconPath?: string }): BrowserWindow {
  const window = new deps.BrowserWindow(mainWindowOptions(options.preloadPath, options.state, options.iconPath));
  window.once('ready-to-show', () => {
    if (options.state.maximized) window.maximize();
    window.show();
  });
  void window.loadURL(appEntryUrl);
  return window;
}

/** Single-instance lock: a second launch focuses the existing window and exits. */
export function enforceSingleInstance(
  app: { requestSingleInstanceLock(): boolean; quit(): void; on(event: 'second-instance', listener: () => void): unknown },
  getWindow: () => Pick<BrowserWindow, 'isMinimized' | 'restore' | 'focus'> | undefined,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const window = getWindow();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  return true;
}
