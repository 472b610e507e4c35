import { PDFDocument } from 'pdf-lib';
import { describe, expect, it, vi } from 'vitest';
import type { DraftPart } from '../../../renderer/attachments/draft-parts.ts';
import { saveAttachment } from '../../../renderer/attachments/save-attachment.ts';
import { sha256Hex } from '../../../src/attachments/content-hash.ts';
import { greyJpeg, handWrittenPdf, onePageObjects, plainPdf } from '../../support/attachments/sample-files.ts';

const now = () => Date.UTC(2026, 11, 7, 2, 0);
const page = (id: string): DraftPart => ({ id, kind: 'jpeg', bytes: greyJpeg(827, 1170), width: 827, height: 1170, dpi: 100, label: `${id}.jpg` });

function fakeBlobs() {
  const kept = new Map<string, Uint8Array>();
  return {
    kept,
    put: vi.fn(async (bytes: Uint8Array, type: string) => {
      const hash = await sha256Hex(bytes);
      kept.set(hash, bytes);
      return { hash, size: bytes.length, type, savedAt: '' };
    }),
  };
}

describe('saveAttachment', () => {
  it('stores one PDF of the pages and records its address, size and page count', async () => {
    const blobs = fakeBlobs();
    const record = vi.fn(async () => undefined);
    const payload = await saveAttachment([page('a'), page('b')], { role: 'paper', paper: 'Tờ khai', title: 'Tờ khai' }, { blobs, record, now });
    expect(payload).toMatchObject({ mediaType: 'application/pdf', pages: 2, role: 'paper', paper: 'Tờ khai', fileName: 'Tờ khai.pdf' });
    const stored = blobs.kept.get(payload.hash)!;
    expect(payload.size).toBe(stored.length);
    expect((await PDFDocument.load(stored)).getPageCount()).toBe(2);
    expect(record).toHaveBeenCalledWith(payload);
  });

  it('keeps a single imported PDF byte for byte, under its own name, and says what it replaces', async () => {
    const blobs = fakeBlobs();
    const imported = await plainPdf(3);
    const payload = await saveAttachment(
      [{ id: 'x', kind: 'pdf', bytes: imported, pages: 3, label: 'ket-qua.pdf' }],
      { role: 'result', title: 'Kết quả giải quyết', replaces: 'a'.repeat(64) },
      { blobs, record: async () => undefined, now },
    );
    expect(payload).toMatchObject({ hash: await sha256Hex(imported), pages: 3, role: 'result', fileName: 'ket-qua.pdf', replaces: 'a'.repeat(64) });
    expect(payload).not.toHaveProperty('paper');
  });

  it('stores and records nothing for a file that fails the check', async () => {
    const blobs = fakeBlobs();
    const record = vi.fn(async () => undefined);
    const withScript = handWrittenPdf(['<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>', ...onePageObjects.slice(1)]);
    await expect(
      saveAttachment([{ id: 'x', kind: 'pdf', bytes: withScript, pages: 1, label: 'x.pdf' }], { role: 'result', title: 'Kết quả' }, { blobs, record, now }),
    ).rejects.toMatchObject({ code: expect.stringMatching(/^attachment\./) });
    expect(blobs.put).not.toHaveBeenCalled();
    expect(record).not.toHaveBeenCalled();
  });

  it('fails as a whole when the event cannot be recorded (the stored file is found again by its address)', async () => {
    const blobs = fakeBlobs();
    await expect(
      saveAttachment([page('a')], { role: 'paper', paper: 'Tờ khai', title: 'Tờ khai' }, { blobs, record: async () => Promise.reject(new Error('Không ghi được')), now }),
    ).rejects.toThrow('Không ghi được');
  });
});
