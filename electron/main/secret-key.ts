import type { SafeStorage } from 'electron';
import { BridgeError } from '../../src/bridge/bridge-error.ts';
import type { EncryptionKey } from '../../src/bridge/desk-bridge.ts';

export interface SecretKeyDeps {
  safeStorage: Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync'>;
  readFile(path: string): Promise<Uint8Array | undefined>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  randomBytes(size: number): Uint8Array;
  log: { warn(...values: unknown[]): void };
}

/**
 * The at-rest key for personal data: 32 random bytes, stored only encrypted by the
 * OS keychain through safeStorage's async API. Created once, cached for the session.
 */
export function createEncryptionKeyStore(deps: SecretKeyDeps, keyFile: string) {
  let key: Promise<EncryptionKey> | undefined;

  const unavailable = () =>
    new BridgeError('secret-storage-unavailable', 'Hệ điều hành không cung cấp kho khóa an toàn, nên chưa thể mở dữ liệu cá nhân. Liên hệ quản trị viên.');

  async function load(): Promise<EncryptionKey> {
    if (!(await deps.safeStorage.isAsyncEncryptionAvailable())) throw unavailable();
    const stored = await deps.readFile(keyFile);
    if (stored) {
      const { result, shouldReEncrypt } = await deps.safeStorage.decryptStringAsync(Buffer.from(stored));
      if (shouldReEncrypt) await deps.writeFile(keyFile, await deps.safeStorage.encryptStringAsync(result));
      return { keyBase64: result };
    }
    const keyBase64 = Buffer.from(deps.randomBytes(32)).toString('base64');
    await deps.writeFile(keyFile, await deps.safeStorage.encryptStringAsync(keyBase64));
    return { keyBase64 };
  }

  return {
    getEncryptionKey(): Promise<EncryptionKey> {
      key ??= load().catch((error: unknown) => {
        key = undefined;
        if (error instanceof BridgeError) throw error;
        deps.log.warn('encryption key unavailable', error);
        throw unavailable();
      });
      return key;
    },
  };
}
