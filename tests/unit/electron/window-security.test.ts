import type { BrowserWindow, BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createMainWindow, enforceSingleInstance } from '../../../electron/main/main-window.ts';
import { contentSecurityPolicy } from '../../../electron/main/security/content-security-policy.ts';
import { grantOnlyDocumentCamera, hardenWebContents } from '../../../electron/main/security/harden.ts';
import { secureWebPreferences } from '../../../electron/main/security/web-preferences.ts';
import { defaultWindowState } from '../../../electron/main/window-state.ts';

function fakeBrowserWindow() {
  const created: BrowserWindowConstructorOptions[] = [];
  const loaded: string[] = [];
  class FakeWindow {
    constructor(options: BrowserWindowConstructorOptions) {
      created.push(options);
    }
    once() {}
    loadURL(url: string) {
      loaded.push(url);
      return Promise.resolve();
    }
  }
  return { BrowserWindow: FakeWindow as unknown as new (options: BrowserWindowConstructorOptions) => BrowserWindow, created, loaded };
}

describe('window security settings', () => {
  it('every window is isolated, sandboxed and without Node', () => {
    const preferences = secureWebPreferences('/app/preload.cjs');
    expect(preferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });

  it('the main window uses them and loads the app protocol, not a file or a dev server', () => {
    const fake = fakeBrowserWindow();
    createMainWindow({ BrowserWindow: fake.BrowserWindow }, { preloadPath: '/app/preload.cjs', state: defaultWindowState });
    expect(fake.created[0]!.webPreferences).toEqual(secureWebPreferences('/app/preload.cjs'));
    expect(fake.created[0]).toMatchObject({ title: 'Một Cửa', show: false, width: 1366, height: 768 });
    expect(fake.loaded).toEqual(['app://motcua/index.html']);
  });

  it('a second launch focuses the running window and quits', () => {
    const listeners: Record<string, () => void> = {};
    const first = { requestSingleInstanceLock: () => true, quit: vi.fn(), on: (event: string, listener: () => void) => (listeners[event] = listener) };
    const window = { isMinimized: () => true, restore: vi.fn(), focus: vi.fn() };
    expect(enforceSingleInstance(first, () => window)).toBe(true);
    listeners['second-instance']!();
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();

    const second = { requestSingleInstanceLock: () => false, quit: vi.fn(), on: vi.fn() };
    expect(enforceSingleInstance(second, () => undefined)).toBe(false);
    expect(second.quit).toHaveBeenCalled();
  });
});

describe('navigation, new windows and permissions', () => {
  function fakeContents() {
    const handlers: Record<string, (event: { preventDefault(): void }, url: string) => void> = {};
    let openHandler: ((details: { url: string }) => { action: string }) | undefined;
    const contents = {
      on: (event: string, handler: (event: { preventDefault(): void }, url: string) => void) => (handlers[event] = handler),
      setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
    } as unknown as WebContents;
    const openExternal = vi.fn(async (_url: string) => undefined);
    hardenWebContents(contents, { openExternal, log: { warn: vi.fn() } });
    const navigate = (event: string, url: string) => {
      const preventDefault = vi.fn();
      handlers[event]!({ preventDefault }, url);
      return preventDefault.mock.calls.length > 0;
    };
    return { navigate, open: (url: string) => openHandler!({ url }), openExternal };
  }

  it.each(['https://evil.example/', 'file:///etc/passwd', 'http://localhost:5173/', 'app://other/index.html'])('refuses navigating to %s', (url) => {
    const { navigate } = fakeContents();
    expect(navigate('will-navigate', url)).toBe(true);
    expect(navigate('will-redirect', url)).toBe(true);
  });

  it('lets the app navigate inside itself', () => {
    expect(fakeContents().navigate('will-navigate', 'app://motcua/index.html#/ho-so')).toBe(false);
  });

  it('denies every new window; http/https links open in the system browser only', () => {
    const { open, openExternal } = fakeContents();
    for (const url of ['https://dichvucong.gov.vn/', 'http://example.vn/', 'file:///C:/Windows/system32/calc.exe', 'javascript:alert(1)', 'smb://share/x']) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(openExternal.mock.calls.map(([url]) => url)).toEqual(['https://dichvucong.gov.vn/', 'http://example.vn/']);
  });

  it('refuses <webview>', () => {
    const preventDefault = vi.fn();
    let handler: ((event: { preventDefault(): void }) => void) | undefined;
    hardenWebContents(
      { on: (event: string, h: typeof handler) => event === 'will-attach-webview' && (handler = h), setWindowOpenHandler: () => undefined } as unknown as WebContents,
      { openExternal: vi.fn(), log: { warn: vi.fn() } },
    );
    handler!({ preventDefault });
    expect(preventDefault).toHaveBeenCalled();
  });

  it('grants only the app a video-only camera, and denies every other permission request and check', () => {
    type Request = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: object) => void;
    type Check = (contents: unknown, permission: string, origin: string, details: object) => boolean;
    let request: Request | undefined;
    let check: Check | undefined;
    let device: (() => boolean) | undefined;
    const session = {
      setPermissionRequestHandler: (handler: Request) => (request = handler),
      setPermissionCheckHandler: (handler: Check) => (check = handler),
      setDevicePermissionHandler: (handler: typeof device) => (device = handler),
    } as unknown as Session;
    const warn = vi.fn();
    grantOnlyDocumentCamera(session, { warn });
    const asked = (permission: string, details: object) => {
      const callback = vi.fn();
      request!({}, permission, callback, details);
      return callback.mock.calls[0]![0] as boolean;
    };
    const app = 'app://motcua/index.html';
    expect(asked('media', { requestingUrl: app, mediaTypes: ['video'] })).toBe(true);
    expect(asked('media', { requestingUrl: app, mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(asked('media', { requestingUrl: app, mediaTypes: ['audio'] })).toBe(false);
    expect(asked('media', { requestingUrl: app, mediaTypes: [] })).toBe(false);
    expect(asked('media', { requestingUrl: 'https://evil.example/', mediaTypes: ['video'] })).toBe(false);
    for (const permission of ['geolocation', 'notifications', 'clipboard-read', 'hid', 'display-capture']) {
      expect(asked(permission, { requestingUrl: app })).toBe(false);
    }
    expect(warn).toHaveBeenCalledWith('permission refused', 'geolocation');
    expect(check!({}, 'media', 'app://motcua', { mediaType: 'video' })).toBe(true);
    expect(check!({}, 'media', 'app://motcua', { mediaType: 'audio' })).toBe(false);
    expect(check!({}, 'media', 'https://evil.example', { mediaType: 'video' })).toBe(false);
    expect(check!({}, 'notifications', 'app://motcua', {})).toBe(false);
    expect(device!()).toBe(false);
  });
});

describe('content security policy', () => {
  it('allows scripts only from the app and no frames, objects or eval', () => {
    const csp = contentSecurityPolicy(['https://motcua.tinh.gov.vn']);
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(csp).not.toMatch(/'unsafe-eval'|script-src[^;]*unsafe-inline/);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-src 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("connect-src 'self' https://motcua.tinh.gov.vn");
  });
});
