// The part of PouchDB's browser build (pouchdb-browser, which ships no types) that page.ts uses.
declare module 'pouchdb-browser' {
  export interface PouchReplicationResult {
    ok: boolean;
    status: string;
    docs_read: number;
    docs_written: number;
    doc_write_failures: number;
    errors: unknown[];
  }
  export interface PouchReplication extends PromiseLike<PouchReplicationResult> {
    on(event: 'change', listener: (info: { docs_read: number; docs_written: number }) => void): this;
    on(event: 'paused' | 'requestError' | 'error', listener: (error: unknown) => void): this;
    on(event: 'active', listener: () => void): this;
    cancel(): void;
  }
  export interface PouchBulkResult {
    ok?: boolean;
    id?: string;
    error?: string | boolean;
    reason?: string;
    message?: string;
  }
  export interface PouchDatabase {
    adapter: string;
    bulkDocs(docs: object[]): Promise<PouchBulkResult[]>;
    info(): Promise<{ doc_count: number; update_seq: number | string }>;
  }
  export interface PouchStatic {
    new (name: string, options?: Record<string, unknown>): PouchDatabase;
    version: string;
    replicate(source: PouchDatabase | string, target: PouchDatabase | string, options?: Record<string, unknown>): PouchReplication;
  }
  const PouchDB: PouchStatic;
  export default PouchDB;
}
