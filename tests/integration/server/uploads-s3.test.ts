import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3BlobStorage } from '../../../sync/server/blobs/s3-storage.ts';
import type { BlobStorage } from '../../../sync/server/blobs/storage.ts';
import { serverTestDatabases } from './support/server-databases.ts';
import { worldPerSuite } from './support/suite-world.ts';
import { addListParts } from './support/s3rver-list-parts.ts';
import { attached, receivedDossier, scan, tusUpload } from './support/uploads.ts';
import { authed } from './support/world.ts';

const BUCKET = 'motcua-test';

describe.each(serverTestDatabases())('scanned paper uploads (tus, S3) on $name', (database) => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-s3rver-'));
  const s3 = new S3rver({ address: '127.0.0.1', port: 0, directory: dir, silent: true, configureBuckets: [{ name: BUCKET, configs: [] }] });
  addListParts(s3, dir);
  let endpoint = '';
  // The world is built in beforeAll, after s3rver is up: the storage reads the endpoint lazily.
  const storage: { current?: BlobStorage } = {};
  const lazy = new Proxy({} as BlobStorage, { get: (_target, key) => storage.current?.[key as keyof BlobStorage] });
  beforeAll(async () => {
    const { port } = await s3.run();
    endpoint = `http://127.0.0.1:${port}`;
    storage.current = s3BlobStorage({ endpoint, bucket: BUCKET, region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true });
  });
  const suite = worldPerSuite(database, { listen: true, options: { blobStorage: lazy } });
  afterAll(async () => {
    await s3.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores a checked upload under its hash and serves it', async () => {
    const { world, base } = suite;
    const code = await receivedDossier(world);
    const bytes = scan(150_000);
    const hash = await attached(world, code, bytes);
    const result = await tusUpload(base, world.deskA, bytes, { dossierCode: code, hash }, { chunkSize: 64 * 1024 });
    expect(result, `${result.status} ${result.body}`).toMatchObject({ ok: true });
    const object = await fetch(`${endpoint}/${BUCKET}/${hash}`);
    expect(Buffer.from(await object.arrayBuffer()).equals(bytes)).toBe(true);
    const download = await world.app.inject({ method: 'GET', url: `/api/attachments/${hash}?dossier=${code}`, headers: authed(world.deskA) });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(bytes)).toBe(true);
    const listing = await (await fetch(`${endpoint}/${BUCKET}?list-type=2`)).text();
    expect([...listing.matchAll(/<Key>([^<]+)<\/Key>/g)].map((match) => match[1])).toEqual([hash]);
  });
});
