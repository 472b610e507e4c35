import { createHash, randomBytes } from 'node:crypto';
import * as tus from 'tus-js-client';
import { makeEvent, newDossierCode, push, receivedPayload, type TestDesk, type World } from './world.ts';

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Pseudo-PDF bytes, different each call. */
export function scan(size: number): Buffer {
  const bytes = randomBytes(size);
  bytes.write('%PDF-1.7\n', 0, 'latin1');
  return bytes;
}

/** A dossier received on `desk`, pushed through the sync as the desk does. */
export async function receivedDossier(world: World, desk: TestDesk = world.deskA): Promise<string> {
  const code = newDossierCode(desk);
  const officer = desk.unitId === world.deskB.unitId ? world.officers.receptionB! : world.officers.receptionA!;
  const response = await push(world.app, desk, [makeEvent(desk, officer, 'RECEIVED', code, receivedPayload())]);
  if (response.statusCode !== 200) throw new Error(`push failed: ${response.body}`);
  return code;
}

/** The dossier's ATTACHED event, pushed through the sync as the desk does before it uploads the file. */
export async function attached(world: World, code: string, bytes: Buffer, hash = sha256(bytes)): Promise<string> {
  const payload = { hash, size: bytes.length, mediaType: 'application/pdf', pages: 1, role: 'paper', paper: 'Tờ khai' } as const;
  const response = await push(world.app, world.deskA, [makeEvent(world.deskA, world.officers.receptionA!, 'ATTACHED', code, payload)]);
  if (response.statusCode !== 200) throw new Error(`push failed: ${response.body}`);
  const { accepted } = response.json() as { accepted: number };
  if (accepted !== 1) throw new Error(`push refused the ATTACHED event: ${response.body}`);
  return hash;
}

export interface UploadResult {
  ok: boolean;
  status?: number;
  body?: string;
  requests: Array<{ method: string; offset: string | undefined }>;
  upload: tus.Upload;
}

/** tus-js-client from Node, as the desk uses it; resolves on success or failure. */
export function tusUpload(
  base: string,
  desk: TestDesk,
  bytes: Buffer,
  metadata: Record<string, string>,
  options: Partial<tus.UploadOptions> & { abortAfterChunks?: number } = {},
): Promise<UploadResult> {
  const requests: UploadResult['requests'] = [];
  return new Promise((resolve) => {
    let chunks = 0;
    const upload: tus.Upload = new tus.Upload(bytes, {
      endpoint: `${base}/api/uploads/`,
      headers: { authorization: `Bearer ${desk.credential}` },
      metadata,
      retryDelays: null,
      ...options,
      onBeforeRequest: (req) => {
        requests.push({ method: req.getMethod(), offset: req.getHeader('Upload-Offset') });
      },
      onChunkComplete: () => {
        chunks += 1;
        if (options.abortAfterChunks !== undefined && chunks >= options.abortAfterChunks) {
          void upload.abort().then(() => resolve({ ok: false, requests, upload }));
        }
      },
      onSuccess: () => resolve({ ok: true, requests, upload }),
      onError: (error) => {
        const response = (error as tus.DetailedError).originalResponse;
        resolve({ ok: false, status: response?.getStatus(), body: response?.getBody(), requests, upload });
      },
    });
    upload.start();
  });
}
