import { BridgeError } from '../../src/bridge/bridge-error.ts';
import type { UpdateStatus } from '../../src/bridge/desk-bridge.ts';

/** The slice of electron-updater's autoUpdater used here (injected for tests). */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'checking-for-update' | 'update-not-available', listener: () => void): unknown;
  on(event: 'update-available', listener: (info: { version: string }) => void): unknown;
  on(event: 'download-progress', listener: (progress: { percent: number }) => void): unknown;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface UpdateOptions {
  enabled: boolean;
  feedUrl: string;
  checkEveryMs: number;
}

/**
 * Updates download in the background and install only when the officer restarts
 * (or quits at the end of the day): reception is never interrupted.
 */
export function createUpdateService(
  deps: { updater: Updater | undefined; publish(status: UpdateStatus): void; log: { info(...v: unknown[]): void; warn(...v: unknown[]): void } },
  options: UpdateOptions,
) {
  let status: UpdateStatus = { state: options.enabled ? 'idle' : 'disabled' };
  let version = '';
  const set = (next: UpdateStatus) => {
    // A downloaded update stays "ready" whatever later checks report.
    if (status.state === 'ready' && next.state !== 'ready') return;
    status = next;
    deps.publish(next);
  };

  const updater = options.enabled ? deps.updater : undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  if (updater) {
    updater.autoDownload = true;
    updater.autoInstallOnAppQuit = true;
    updater.setFeedURL({ provider: 'generic', url: options.feedUrl });
    updater.on('checking-for-update', () => set({ state: 'checking' }));
    updater.on('update-not-available', () => set({ state: 'idle' }));
    updater.on('update-available', (info) => {
      version = info.version;
      set({ state: 'downloading', version, percent: 0 });
    });
    updater.on('download-progress', (progress) =>
      set({ state: 'downloading', version, percent: Math.max(0, Math.min(100, Math.round(progress.percent))) }),
    );
    updater.on('update-downloaded', (info) => set({ state: 'ready', version: info.version }));
    updater.on('error', (error) => {
      deps.log.warn('update check failed', error.message);
      // Offline desks are normal: say it plainly, retry at the next interval.
      set({ state: 'error', message: 'Chưa kiểm tra được bản cập nhật (không kết nối được máy chủ tỉnh). Sẽ thử lại sau.' });
    });
  }

  const check = () => {
    updater?.checkForUpdates().catch((error: unknown) => deps.log.warn('update check failed', error));
  };

  return {
    start(): void {
      if (!updater) return;
      check();
      timer = setInterval(check, options.checkEveryMs);
    },
    stop(): void {
      if (timer) clearInterval(timer);
    },
    async getUpdateStatus(): Promise<UpdateStatus> {
      return status;
    },
    async restartToUpdate(): Promise<undefined> {
      if (!updater || status.state !== 'ready') {
        throw new BridgeError('update-not-ready', 'Chưa có bản cập nhật nào tải xong để cài.');
      }
      deps.log.info('restarting to install update', status.version);
      updater.quitAndInstall(false, true);
      return undefined;
    },
  };
}
