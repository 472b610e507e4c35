/** What page.ts exposes as `window.pouchPeer` to the Node side (index.ts). Types only. */
export interface PeerReplication {
  /** From `PouchDB.replicate()` to its completion, performance.now() in the page. */
  ms: number;
  status: string;
  ok: boolean;
  docsRead: number;
  docsWritten: number;
  docWriteFailures: number;
  /** Replication attempts that failed and were restarted after PouchDB's back-off (`requestError`). */
  restarts: number;
  errors: string[];
}

export interface PeerPageApi {
  version: string;
  /** Opens (creates) the local database; returns its adapter name. */
  open(name: string): Promise<string>;
  /** Writes documents (each with its `_id`) into the local database; returns the errors. */
  seed(docs: readonly object[]): Promise<string[]>;
  localCount(): Promise<number>;
  replicate(remoteUrl: string, batchSize: number): Promise<PeerReplication>;
  /** Cancels a running replication (the timeout); its `replicate` promise then settles. */
  cancel(): void;
}
