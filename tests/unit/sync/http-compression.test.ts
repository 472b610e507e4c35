import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { platformGzip } from '../../../sync/client/gzip.ts';
import { createHttpClient } from '../../../sync/client/http-client.ts';

/** Issue 6 point 14: the desk gzips its push bodies; an older server still gets them plain. */

interface Sent {
  headers: Record<string, string>;
  body: Uint8Array;
}

const okSchema = z.object({ ok: z.boolean() });
const bigBody = Array.from({ length: 200 }, (_, i) => ({ newDocumentState: { id: `event-${i}`, note: 'Nguyễn Văn An nộp hồ sơ' } }));

function recordingFetch(answer: (sent: Sent, index: number) => Response) {
  const sent: Sent[] = [];
  const fetch = async (_url: string, init?: RequestInit) => {
    const raw = init?.body;
    const entry = { headers: { ...(init?.headers as Record<string, string>) }, body: typeof raw === 'string' ? new TextEncoder().encode(raw) : new Uint8Array(raw as Uint8Array) };
    sent.push(entry);
    return answer(entry, sent.length - 1);
  };
  return { sent, fetch };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('platform gzip', () => {
  it('produces standard gzip that zlib inflates back', async () => {
    const gzip = platformGzip();
    expect(gzip).not.toBeNull();
    const text = JSON.stringify(bigBody);
    const compressed = await gzip!(new TextEncoder().encode(text));
    expect(gunzipSync(compressed).toString('utf8')).toBe(text);
    expect(compressed.length).toBeLessThan(text.length / 5);
  });
});

describe('http client compression', () => {
  it('gzips a big body it is asked to compress, with Content-Encoding', async () => {
    const { sent, fetch } = recordingFetch(() => json(200, { ok: true }));
    const http = createHttpClient({ baseUrl: 'http://x', fetch });
    await expect(http.post('/push', bigBody, okSchema, { compress: true })).resolves.toEqual({ ok: true });
    expect(sent[0]!.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(sent[0]!.body).toString('utf8'))).toEqual(bigBody);
  });

  it('sends small bodies and uncompressed calls plain', async () => {
    const { sent, fetch } = recordingFetch(() => json(200, { ok: true }));
    const http = createHttpClient({ baseUrl: 'http://x', fetch });
    await http.post('/push', [{ id: 1 }], okSchema, { compress: true });
    await http.post('/enroll', bigBody, okSchema);
    expect(sent.map((s) => s.headers['content-encoding'])).toEqual([undefined, undefined]);
    expect(JSON.parse(new TextDecoder().decode(sent[1]!.body))).toEqual(bigBody);
  });

  it('resends plain, and stops compressing, when the server cannot read gzip', async () => {
    // An older server parses the gzip bytes as JSON and refuses them.
    const { sent, fetch } = recordingFetch((entry) =>
      entry.headers['content-encoding'] ? json(400, { error: { code: 'request.bad_json', message: 'Dữ liệu gửi lên không phải JSON hợp lệ.' } }) : json(200, { ok: true }),
    );
    const http = createHttpClient({ baseUrl: 'http://x', fetch });
    await expect(http.post('/push', bigBody, okSchema, { compress: true })).resolves.toEqual({ ok: true });
    await http.post('/push', bigBody, okSchema, { compress: true });
    expect(sent.map((s) => s.headers['content-encoding'] ?? 'plain')).toEqual(['gzip', 'plain', 'plain']);
  });

  it('keeps compressing when the refusal is about the events, not the encoding', async () => {
    const { sent, fetch } = recordingFetch(() => json(400, { error: { code: 'request.invalid', message: 'Lô sự kiện không hợp lệ' } }));
    const http = createHttpClient({ baseUrl: 'http://x', fetch });
    await expect(http.post('/push', bigBody, okSchema, { compress: true })).rejects.toMatchObject({ kind: 'refused', code: 'request.invalid' });
    expect(sent).toHaveLength(1);
  });

  it('sends plain when the host has no gzip', async () => {
    const { sent, fetch } = recordingFetch(() => json(200, { ok: true }));
    await createHttpClient({ baseUrl: 'http://x', fetch, gzip: null }).post('/push', bigBody, okSchema, { compress: true });
    expect(sent[0]!.headers['content-encoding']).toBeUndefined();
  });
});
