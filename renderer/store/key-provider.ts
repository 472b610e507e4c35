/**
 * Source of the at-rest encryption key of the desk database. The app wires it to the desk
 * bridge: in Electron the key is generated once and kept with `safeStorage` (sealed by the OS
 * user account); in a plain browser, {@link createWebKeyProvider}.
 */
export interface KeyProvider {
  getEncryptionKey(): Promise<string>;
}
