import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileBlobStorage } from '../../../sync/server/blobs/file-storage.ts';
import { serverTestDatabases } from './support/server-databases.ts';
import { worldPerSuite } from './support/suite-world.ts';
import { attached, receivedDossier, scan, sha256, tusUpload } from './support/uploads.ts';
import { authed } from './support/world.ts';

describe.each(serverTestDatabases())('scanned paper uploads (tus, files on disk) on $name', (database) => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-blobs-'));
  const suite = worldPerSuite(database, { listen: true, options: { blobStorage: fileBlobStorage(dir) } });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const blobFile = (hash: string) => join(dir, 'blobs', hash.slice(0, 2), hash.slice(2, 4), hash);
  const pendingUploads = () => (existsSync(join(dir, 'uploads')) ? readdirSync(join(dir, 'uploads')) : []);
  const blobRows = async (hash: string) =>
    (await suite.world.database.db.selectFrom('attachment_blobs').selectAll().where('hash', '=', hash).execute()).length;
  const download = (hash: string, code: string, desk = suite.world.deskA) =>
    suite.world.app.inject({ method: 'GET', url: `/api/attachments/${hash}?dossier=${encodeURIComponent(code)}`, headers: authed(desk) });

  it('stores an upload made after its ATTACHED event, checked, and serves it to the unit only', async () => {
    const { world, base } = suite;
    const code = await receivedDossier(world);
    const bytes = scan(200_000);
    const hash = await attached(world, code, bytes);
    const result = await tusUpload(base, world.deskA, bytes, { dossierCode: code, hash }, { chunkSize: 64 * 1024 });
    expect(result.ok).toBe(true);
    expect(readFileSync(blobFile(hash)).equals(bytes)).toBe(true);
    expect(await blobRows(hash)).toBe(1);
    expect(pendingUploads()).toEqual([]);

    const mine = await download(hash, code, world.deskA2);
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['content-type']).toBe('application/pdf');
    expect(mine.headers['cache-control']).toBe('private, no-store');
    expect(mine.rawPayload.equals(bytes)).toBe(true);
    const logged = await world.database.db.selectFrom('attachment_downloads').selectAll().where('hash', '=', hash).execute();
    expect(logged).toMatchObject([{ dossier_code: code, desk_id: world.deskA2.id, unit_id: world.deskA2.unitId }]);

    const other = await download(hash, code, world.deskB);
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('attachment.forbidden');
    const unknown = await download(sha256(Buffer.from('không có')), code);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('attachment.not_found');
    expect((await world.app.inject({ method: 'GET', url: `/api/attachments/${hash}?dossier=${code}` })).statusCode).toBe(401);
  });

  it('refuses a creation without the event, for another unit, or over 50 MB', async () => {
    const { world, base } = suite;
    const code = await receivedDossier(world);
    const bytes = scan(1000);
    const notAttached = await tusUpload(base, world.deskA, bytes, { dossierCode: code, hash: sha256(bytes) });
    expect(notAttached).toMatchObject({ ok: false, status: 404 });
    expect(JSON.parse(notAttached.body ?? '{}').error.code).toBe('attachment.not_attached');
    const hash = await attached(world, code, bytes);
    const otherUnit = await tusUpload(base, world.deskB, bytes, { dossierCode: code, hash });
    expect(otherUnit).toMatchObject({ ok: false, status: 403 });
    const tooLarge = await fetch(`${base}/api/uploads/`, {
      method: 'POST',
      headers: { ...authed(world.deskA), 'tus-resumable': '1.0.0', 'upload-length': String(50 * 1024 * 1024 + 1), 'upload-metadata': `dossierCode ${Buffer.from(code).toString('base64')},hash ${Buffer.from(hash).toString('base64')}` },
    });
    expect(tooLarge.status).toBe(413);
    expect((await fetch(`${base}/api/uploads/`, { method: 'POST', headers: { 'tus-resumable': '1.0.0', 'upload-length': '10' } })).status).toBe(401);
    expect(pendingUploads()).toEqual([]);
  });

  it('resumes an upload cut mid-way from the offset the server has', async () => {
    const { world, base } = suite;
    const code = await receivedDossier(world);
    const bytes = scan(300_000);
    const hash = await attached(world, code, bytes);
    const cut = await tusUpload(base, world.deskA, bytes, { dossierCode: code, hash }, { chunkSize: 64 * 1024, abortAfterChunks: 2 });
    expect(cut.ok).toBe(false);
    expect(await blobRows(hash)).toBe(0);
    const resumed = await tusUpload(base, world.deskA, bytes, { dossierCode: code, hash }, { chunkSize: 64 * 1024, uploadUrl: cut.upload.url });
    expect(resumed.ok).toBe(true);
    expect(resumed.requests[0]?.method).toBe('HEAD');
    expect(resumed.requests[1]).toEqual({ method: 'PATCH', offset: String(2 * 64 * 1024) });
    expect(readFileSync(blobFile(hash)).equals(bytes)).toBe(true);
    expect(await blobRows(hash)).toBe(1);
  });

  it('sweeps away an upload left unfinished past its expiry, and the desk then starts again', async () => {
    const { world, base } = suite;
    const code = await receivedDossier(world);
    const bytes = scan(200_000);
    const hash = await attached(world, code, bytes);
    const cut = await tusUpload(base, world.deskA, bytes, { dossierCode: code, hash }, { chunkSize: 64 * 1024, abortAfterChunks: 1 });
    expect(cut.ok).toBe(false);
    expect(pendingUploads().length).toBeGreaterThan(0);
    // The same folder seen by a store whose uploads expire at once: what the server's sweep does after two weeks.
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await fileBlobStorage(dir, { uploadExpiryMs: 1 }).removeExpiredUploads()).toBe(1);
    expect(pendingUploads()).toEqual([]);
    const head = await fetch(String(cut.upload.url), { method: 'HEAD', headers: { ...authed(world.deskA), 'tus-resumable': '1.0.0' } });
    expect([404, 410]).toContain(head.status);
    const again = await tusUpload(base, world.deskA, bytes, { dossierCode: code, hash }, { chunkSize: 64 * 1024 });
    expect(again.ok).toBe(true);
    expect(readFileSync(blobFile(hash)).equals(bytes)).toBe(true);
  });

  it('another desk cannot resume or read the progress of an upload not its own', async () => {
    const { world, base } = suite;
    const code = await receivedDossier(world);
    const bytes = scan(200_000);
    const hash = await attached(world, code, bytes);
    const cut = await tusUpload(base, world.deskA, bytes, { dossierCode: code, hash }, { chunkSize: 64 * 1024, abortAfterChunks: 1 });
    const head = await fetch(cut.upload.url ?? '', { method: 'HEAD', headers: { ...authed(world.deskA2), 'tus-resumable': '1.0.0' } });
    expect(head.status).toBe(403);
    const gone = await fetch(cut.upload.url ?? '', { method: 'DELETE', headers: { ...authed(world.deskA), 'tus-resumable': '1.0.0' } });
    expect(gone.status).toBe(204);
    expect(pendingUploads()).toEqual([]);
  });

  it('refuses content that does not match its declared hash and keeps nothing', async () => {
    const { world, base } = suite;
    const code = await receivedDossier(world);
    const declared = scan(100_000);
    const hash = await attached(world, code, declared);
    const result = await tusUpload(base, world.deskA, scan(100_000), { dossierCode: code, hash });
    expect(result).toMatchObject({ ok: false, status: 460 });
    expect(JSON.parse(result.body ?? '{}').error.code).toBe('upload.checksum_mismatch');
    expect(await blobRows(hash)).toBe(0);
    expect(existsSync(blobFile(hash))).toBe(false);
    expect(pendingUploads()).toEqual([]);
    // The desk starts over with the right bytes.
    expect((await tusUpload(base, world.deskA, declared, { dossierCode: code, hash })).ok).toBe(true);
  });

  it.each([
    { mode: 'plain creation', uploadDataDuringCreation: false },
    { mode: 'data in the creation', uploadDataDuringCreation: true },
  ])('stores a content once: a second upload is answered as done ($mode)', async ({ uploadDataDuringCreation }) => {
    const { world, base } = suite;
    const bytes = scan(120_000);
    const first = await receivedDossier(world);
    const hash = await attached(world, first, bytes);
    expect((await tusUpload(base, world.deskA, bytes, { dossierCode: first, hash })).ok).toBe(true);
    const storedAt = (await world.database.db.selectFrom('attachment_blobs').select('stored_at').where('hash', '=', hash).executeTakeFirstOrThrow()).stored_at;

    const second = await receivedDossier(world);
    await attached(world, second, bytes);
    const again = await tusUpload(base, world.deskA2, bytes, { dossierCode: second, hash }, { uploadDataDuringCreation, chunkSize: 16 * 1024 });
    expect(again.ok).toBe(true);
    expect(pendingUploads()).toEqual([]);
    expect(await world.database.db.selectFrom('attachment_blobs').select('stored_at').where('hash', '=', hash).execute()).toEqual([{ stored_at: storedAt }]);
    expect((await download(hash, second, world.deskA2)).rawPayload.equals(bytes)).toBe(true);
  });

  it('is not reachable from the public lookup', async () => {
    const { world, base } = suite;
    const code = await receivedDossier(world);
    const bytes = scan(5_000);
    const hash = await attached(world, code, bytes);
    expect((await tusUpload(base, world.deskA, bytes, { dossierCode: code, hash })).ok).toBe(true);
    for (const url of [`/api/public/attachments/${hash}?dossier=${code}`, `/api/public/dossiers/${code}/attachments/${hash}`, `/tra-cuu/${hash}`, `/tra-cuu/${code}/${hash}`, `/tra-cuu?dossier=${code}&hash=${hash}`]) {
      const response = await world.app.inject({ method: 'GET', url });
      expect(response.rawPayload.includes(bytes.subarray(0, 64)), url).toBe(false);
      expect(response.headers['content-type'], url).not.toBe('application/pdf');
    }
    const lookup = await world.app.inject({ method: 'GET', url: `/api/public/dossiers/${code}` });
    expect(lookup.body).not.toContain(hash);
  });
});
