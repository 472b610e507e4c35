/**
 * What must not outlive an interrupted bench (Ctrl+C, a killed CI step): server and link
 * processes, the run's database. Each registers here while it exists.
 */
const cleanups = new Set<() => Promise<void> | void>();

export function onInterrupt(cleanup: () => Promise<void> | void): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.log(`[bench:sync] ${signal}: stopping servers and dropping the run's database…`);
    // Newest first: servers stop before their database goes.
    void (async () => {
      for (const cleanup of [...cleanups].reverse()) await Promise.resolve().then(cleanup).catch(() => undefined);
      process.exit(130);
    })();
  });
}
