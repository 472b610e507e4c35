import type { DeskStore } from '../../../renderer/store/index.ts';
import type { PairedOperation } from './operations.ts';
import { summarize } from '../support/stats.ts';

/**
 * Where a store operation spends its time: every call into the collections' storage instances
 * (the encryption layer over Dexie, i.e. one IndexedDB transaction each) is counted and timed.
 * What is left of the operation's time is JavaScript around them (validation, projection,
 * HMAC, RxDB's document handling).
 */
export interface StorageCallStats {
  callsPerOp: number;
  msPerOp: number;
}

export interface OperationProfile {
  id: string;
  iterations: number;
  meanMs: number;
  /** Sum of the storage calls' durations (they may overlap when run concurrently). */
  storageMsPerOp: number;
  storageCallsPerOp: number;
  /**
   * The same calls timed at the Dexie instance under the encryption layer: the difference to
   * storageMsPerOp is encrypting/decrypting and wrapping (count is not seen there).
   */
  dexieMsPerOp: number;
  calls: Record<string, StorageCallStats>;
  /**
   * The operation's storage calls in the order they start (the k-th call of a name is `name#k`),
   * each with the median start and end in ms from the operation's start: which calls wait for
   * which, i.e. the operation's critical path. Only calls seen in at least half the iterations.
   */
  timeline: TimelineEntry[];
}

export interface TimelineEntry {
  call: string;
  share: number;
  startMs: number;
  endMs: number;
}

const METHODS = ['bulkWrite', 'query', 'count', 'findDocumentsById', 'getChangedDocumentsSince'] as const;

type Instance = Record<string, unknown>;

/** The storage instance under `instance` (RxDB hooks → encryption → Dexie), if any. */
function inner(instance: Instance): Instance | null {
  const next = instance.originalStorageInstance;
  return next !== null && typeof next === 'object' ? (next as Instance) : null;
}

type RecordCall = (name: string, startedAt: number, endedAt: number) => void;

function instrument(store: DeskStore, record: RecordCall): () => void {
  const restore: (() => void)[] = [];
  for (const [collectionName, collection] of Object.entries(store.database.collections)) {
    const outer = collection.storageInstance as unknown as Instance;
    let dexie = outer;
    for (let next = inner(dexie); next; next = inner(dexie)) dexie = next;
    restore.push(patch(outer, collectionName, record));
    if (dexie !== outer) restore.push(patch(dexie, `dexie:${collectionName}`, record));
  }
  return () => restore.forEach((undo) => undo());
}

function patch(instance: Instance, label: string, record: RecordCall): () => void {
  const restore: (() => void)[] = [];
  for (const method of METHODS) {
    const original = instance[method];
    if (typeof original !== 'function') continue;
    // The Dexie instance has its methods on the prototype: deleting our own property restores them.
    const own = Object.prototype.hasOwnProperty.call(instance, method);
    instance[method] = async (...args: unknown[]) => {
      const started = performance.now();
      try {
        return await (original as (...a: unknown[]) => Promise<unknown>).apply(instance, args);
      } finally {
        record(`${label}.${method}`, started, performance.now());
      }
    };
    restore.push(() => {
      if (own) instance[method] = original;
      else delete instance[method];
    });
  }
  return () => restore.forEach((undo) => undo());
}

export async function profileOperations(store: DeskStore, operations: readonly PairedOperation[], iterations: number, firstIteration: number): Promise<OperationProfile[]> {
  const profiles: OperationProfile[] = [];
  for (const op of operations) {
    const calls = new Map<string, { count: number; ms: number }>();
    const spans = new Map<string, { starts: number[]; ends: number[] }>();
    let opStarted = 0;
    let seen = new Map<string, number>();
    const restore = instrument(store, (name, startedAt, endedAt) => {
      const entry = calls.get(name) ?? { count: 0, ms: 0 };
      entry.count += 1;
      entry.ms += endedAt - startedAt;
      calls.set(name, entry);
      if (name.startsWith('dexie:')) return;
      const k = (seen.get(name) ?? 0) + 1;
      seen.set(name, k);
      const span = spans.get(`${name}#${k}`) ?? { starts: [], ends: [] };
      span.starts.push(startedAt - opStarted);
      span.ends.push(endedAt - opStarted);
      spans.set(`${name}#${k}`, span);
    });
    let total = 0;
    try {
      for (let i = firstIteration; i < firstIteration + iterations; i += 1) {
        seen = new Map();
        opStarted = performance.now();
        await op.store(i);
        total += performance.now() - opStarted;
        // Still recorded: the timeline shows what the operation leaves running.
        await op.settle?.();
      }
    } finally {
      restore();
    }
    const all = [...calls.entries()].sort((a, b) => b[1].ms - a[1].ms);
    const entries = all.filter(([name]) => !name.startsWith('dexie:'));
    const dexieMs = all.filter(([name]) => name.startsWith('dexie:')).reduce((sum, [, e]) => sum + e.ms, 0);
    profiles.push({
      id: op.id,
      iterations,
      meanMs: total / iterations,
      storageMsPerOp: entries.reduce((sum, [, e]) => sum + e.ms, 0) / iterations,
      storageCallsPerOp: entries.reduce((sum, [, e]) => sum + e.count, 0) / iterations,
      dexieMsPerOp: dexieMs / iterations,
      calls: Object.fromEntries(entries.map(([name, e]) => [name, { callsPerOp: e.count / iterations, msPerOp: e.ms / iterations }])),
      timeline: timelineOf(spans, iterations),
    });
  }
  return profiles;
}

function timelineOf(spans: ReadonlyMap<string, { starts: number[]; ends: number[] }>, iterations: number): TimelineEntry[] {
  return [...spans.entries()]
    .filter(([, span]) => span.starts.length >= iterations / 2)
    .map(([call, span]) => ({ call, share: span.starts.length / iterations, startMs: summarize(span.starts).p50, endMs: summarize(span.ends).p50 }))
    .sort((a, b) => a.startMs - b.startMs);
}
