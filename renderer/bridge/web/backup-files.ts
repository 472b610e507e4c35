import type { ImportBackupResult } from '../../../src/bridge/desk-bridge.ts';

/** The browser's "save": a download the officer can see in the downloads bar. */
export function downloadBytes(data: Uint8Array, fileName: string): void {
  const url = URL.createObjectURL(new Blob([data as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Opens the browser's file picker; resolves `imported: false` when it is cancelled. */
export function pickBackupFile(): Promise<ImportBackupResult> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.motcua-backup,.json,application/octet-stream';
    input.addEventListener('cancel', () => resolve({ imported: false }), { once: true });
    input.addEventListener(
      'change',
      () => {
        const file = input.files?.[0];
        if (!file) {
          resolve({ imported: false });
          return;
        }
        file
          .arrayBuffer()
          .then((buffer) => resolve({ imported: true, fileName: file.name, data: new Uint8Array(buffer) }))
          .catch(reject);
      },
      { once: true },
    );
    input.click();
  });
}
