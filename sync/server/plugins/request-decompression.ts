import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ServerError } from '../domain/server-error.ts';

const gunzipLimited = promisify(gunzip) as (input: Buffer, options: { maxOutputLength: number }) => Promise<Buffer>;

/** What Fastify's body reader compares with Content-Length once a preParsing hook replaced the stream. */
type DecodedBody = Readable & { receivedEncodedLength: number };

/**
 * Desks gzip their push bodies (`Content-Encoding: gzip`; a slow link is the norm). The body is
 * inflated here, before Fastify parses it, with the route's body limit as a hard cap on the
 * inflated size: zlib stops as soon as the output passes it, so a decompression bomb costs no more
 * than a legitimate body, and it is refused before authentication or storage ever see it.
 *
 * Not @fastify/compress's request hook: it keeps inflating a bomb to its end after Fastify's body
 * limit trips (only the listeners go), and its errors would need the same mapping as here.
 */
export const requestDecompressionPlugin = fp(
  async (app) => {
    app.addHook('preParsing', async (request, _reply, payload) => {
      const encoding = contentEncodingOf(request);
      if (encoding === null) return payload;
      if (encoding !== 'gzip') {
        throw new ServerError(415, 'request.unsupported_encoding', `Máy chủ không đọc được dữ liệu nén kiểu "${encoding}" (chỉ nhận gzip).`);
      }
      const limit = request.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit ?? 1024 * 1024;
      const compressed = await readAtMost(payload, limit);
      const body = await inflate(compressed, limit);
      const decoded = Readable.from([body]) as DecodedBody;
      decoded.receivedEncodedLength = compressed.length;
      return decoded;
    });
  },
  { name: 'request-decompression', dependencies: ['errors'] },
);

/** The request's single content coding, lower-cased; null for none or `identity`. */
function contentEncodingOf(request: FastifyRequest): string | null {
  const header = request.headers['content-encoding'];
  if (header === undefined) return null;
  const value = header.trim().toLowerCase();
  return value === '' || value === 'identity' ? null : value;
}

async function readAtMost(payload: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of payload) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > limit) {
      payload.destroy();
      throw tooLarge(limit);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, size);
}

async function inflate(compressed: Buffer, limit: number): Promise<Buffer> {
  try {
    return await gunzipLimited(compressed, { maxOutputLength: limit });
  } catch (error) {
    if (error instanceof RangeError) throw tooLarge(limit);
    throw new ServerError(400, 'request.bad_encoding', 'Dữ liệu nén gửi lên bị hỏng, máy chủ không giải nén được (Content-Encoding: gzip).');
  }
}

function tooLarge(limit: number): ServerError {
  return new ServerError(413, 'request.too_large', `Dữ liệu gửi lên quá lớn sau khi giải nén (tối đa ${Math.floor(limit / 1024)} KB mỗi lần gửi).`);
}
