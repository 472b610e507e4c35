// Runs in Chromium: PouchDB's browser build on IndexedDB, replicating one way to a remote server.
// Bundled by index.ts with esbuild (pouchdb-browser imports `events`, hence that devDependency).
import PouchDB from 'pouchdb-browser';
import type { PouchDatabase, PouchReplication } from 'pouchdb-browser';
import type { PeerPageApi, PeerReplication } from './page-api.ts';

let local: PouchDatabase | null = null;
let running: PouchReplication | null = null;

const describe = (error: unknown): string => {
  if (error && typeof error === 'object') {
    const { name, message, status } = error as { name?: string; message?: string; status?: number };
    return [name, status, message].filter((part) => part !== undefined && part !== '').join(' ');
  }
  return String(error);
};

const opened = (): PouchDatabase => {
  if (!local) throw new Error('pouch peer: open() first');
  return local;
};

const api: PeerPageApi = {
  version: PouchDB.version,
  async open(name) {
    local = new PouchDB(name);
    await local.info();
    return local.adapter;
  },
  async seed(docs) {
    const results = await opened().bulkDocs([...docs]);
    return results.filter((result) => result.error).map((result) => `${result.id}: ${result.reason ?? result.message ?? String(result.error)}`);
  },
  async localCount() {
    return (await opened().info()).doc_count;
  },
  async replicate(remoteUrl, batchSize) {
    const errors: string[] = [];
    let restarts = 0;
    const started = performance.now();
    // Out of the box, as an application would write it: one-shot, retry with PouchDB's own back-off.
    const replication = PouchDB.replicate(opened(), remoteUrl, { retry: true, batch_size: batchSize });
    running = replication;
    replication.on('requestError', (error) => {
      restarts += 1;
      if (errors.length < 20) errors.push(describe(error));
    });
    try {
      const result = await replication;
      const done: PeerReplication = {
        ms: performance.now() - started,
        status: result.status,
        ok: result.ok,
        docsRead: result.docs_read,
        docsWritten: result.docs_written,
        docWriteFailures: result.doc_write_failures,
        restarts,
        errors: [...errors, ...result.errors.map(describe)],
      };
      return done;
    } finally {
      running = null;
    }
  },
  cancel() {
    running?.cancel();
  },
};

(window as unknown as { pouchPeer: PeerPageApi }).pouchPeer = api;
