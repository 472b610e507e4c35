import { buildApp } from './app.ts';
import { readServerConfig, readTlsFiles } from './config.ts';
import { fileBlobStorage } from './blobs/file-storage.ts';
import { s3BlobStorage } from './blobs/s3-storage.ts';
import { openDatabase } from './db/database.ts';

const LISTEN_BACKLOG = 4_096;

async function main(): Promise<void> {
  const config = readServerConfig(process.argv.slice(2), process.env);
  // Read before the database opens: a wrong path should fail at once, not after PGlite starts.
  const https = readTlsFiles(config);
  const database = await openDatabase(
    config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: config.dataDir },
  );
  const app = await buildApp({
    database,
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
    https,
    blobStorage: config.s3 ? s3BlobStorage(config.s3) : fileBlobStorage(config.blobDir),
    ...(config.trustProxy !== undefined ? { trustProxy: config.trustProxy } : {}),
  });
  if (!https && config.trustProxy === undefined && !isLoopback(config.host)) {
    app.log.warn({ host: config.host }, 'serving plain HTTP beyond this machine: desks refuse http:// servers unless allowed; give --tls-cert/--tls-key or put an HTTPS reverse proxy in front (--trust-proxy)');
  }

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  // Desks tend to sync at the same time (day end): a deep accept queue instead of Node's 511, so a
  // burst of connections waits for the server instead of being reset (Linux caps it at somaxconn).
  await app.listen({ port: config.port, host: config.host, backlog: LISTEN_BACKLOG });
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
