import type { ImportBackupResult } from '../../../src/bridge/desk-bridge.ts';

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
