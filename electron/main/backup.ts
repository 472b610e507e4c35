import { BridgeError } from '../../src/bridge/bridge-error.ts';
import { maxBackupBytes, type ExportBackupRequest, type ImportBackupResult, type SavedFileResult } from '../../src/bridge/desk-bridge.ts';

export interface BackupDeps {
  showSaveDialog(options: { defaultPath: string; filters: { name: string; extensions: string[] }[] }): Promise<{ canceled: boolean; filePath?: string }>;
  showOpenDialog(options: { properties: ['openFile']; filters: { name: string; extensions: string[] }[] }): Promise<{ canceled: boolean; filePaths: string[] }>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  fileSize(path: string): Promise<number>;
  readFile(path: string): Promise<Uint8Array>;
}

const filters = [
  { name: 'Bản sao lưu Một Cửa', extensions: ['motcua-backup'] },
  { name: 'Tất cả tệp', extensions: ['*'] },
];

/** Backups move through the officer's own file dialogs: main never picks a path itself. */
export function createBackupService(deps: BackupDeps) {
  return {
    async exportBackup(request: ExportBackupRequest): Promise<SavedFileResult> {
      const choice = await deps.showSaveDialog({ defaultPath: request.suggestedFileName, filters });
      if (choice.canceled || !choice.filePath) return { saved: false };
      try {
        await deps.writeFile(choice.filePath, request.data);
      } catch {
        throw new BridgeError('backup-failed', 'Không ghi được bản sao lưu vào thư mục đã chọn. Chọn thư mục hoặc ổ đĩa khác.');
      }
      return { saved: true, fileName: choice.filePath };
    },

    async importBackup(): Promise<ImportBackupResult> {
      const choice = await deps.showOpenDialog({ properties: ['openFile'], filters });
      const path = choice.filePaths[0];
      if (choice.canceled || !path) return { imported: false };
      try {
        if ((await deps.fileSize(path)) > maxBackupBytes) {
          throw new BridgeError('backup-too-large', 'Tệp sao lưu quá lớn (trên 512 MB), không phải bản sao lưu của Một Cửa.');
        }
        return { imported: true, fileName: path, data: await deps.readFile(path) };
      } catch (error) {
        if (error instanceof BridgeError) throw error;
        throw new BridgeError('backup-failed', 'Không đọc được tệp sao lưu đã chọn.');
      }
    },
  };
}
