import compress from '@fastify/compress';
import fp from 'fastify-plugin';

/** Below this a gzip header and the extra work cost more than they save (push answers stay plain). */
const MIN_COMPRESSED_BYTES = 1024;
/**
 * Pull pages are compressed in one call, up to this size, rather than streamed: the answer then
 * leaves as one write with a Content-Length instead of a header, chunks and a terminator, which
 * matters on a high-latency link; a 1 MB page takes a few milliseconds to gzip.
 */
const COMPRESS_IN_ONE_CALL_UP_TO = 1024 * 1024;

/**
 * Compresses answers (pull pages, reports) with gzip for clients that accept it: browsers and
 * Node's fetch ask for it and inflate transparently. Requests are inflated by
 * request-decompression.ts; event streams compress themselves (routes/event-stream.ts).
 */
export const responseCompressionPlugin = fp(
  async (app) => {
    await app.register(compress, {
      global: true,
      globalDecompression: false,
      encodings: ['gzip'],
      threshold: MIN_COMPRESSED_BYTES,
      syncThreshold: COMPRESS_IN_ONE_CALL_UP_TO,
    });
  },
  { name: 'response-compression' },
);
