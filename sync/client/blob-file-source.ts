import type { FileReader, FileSource, SliceResult } from 'tus-js-client';
import type { BlobStore } from '../../renderer/store/blob-store.ts';

/**
 * tus-js-client reads the file to upload through this: `openFile(hash)` gives ranges of a stored
 * file decrypted chunk by chunk from the desk's blob store, so only about one request's bytes are
 * in memory, never the whole file. tus asks for ranges in increasing order; a range before what is
 * held (a resume at a lower offset) starts the stream over.
 */
export function blobFileReader(blobs: BlobStore): FileReader {
  return {
    async openFile(hash: unknown) {
      if (typeof hash !== 'string') throw new TypeError('blobFileReader opens a stored file by its hash');
      const info = await blobs.info(hash);
      if (!info) throw new Error(`Tệp ${hash} không còn trên quầy.`);
      return blobFileSource(blobs, hash, info.size);
    },
  };
}

function blobFileSource(blobs: BlobStore, hash: string, size: number): FileSource {
  let stream: AsyncGenerator<Uint8Array> | null = null;
  /** Bytes [heldStart, heldStart + held.length) of the file, read from the stream and not yet passed. */
  let held: Uint8Array<ArrayBuffer> = new Uint8Array(0);
  let heldStart = 0;

  const restart = async () => {
    await stream?.return(undefined);
    stream = blobs.chunks(hash);
    held = new Uint8Array(0);
    heldStart = 0;
  };

  /** Forgets the held bytes before `position`: tus never asks for them again, unless it restarts. */
  const passTo = (position: number) => {
    const passed = Math.min(Math.max(0, position - heldStart), held.length);
    held = held.subarray(passed);
    heldStart += passed;
  };

  return {
    size,
    async slice(start: number, end: number): Promise<SliceResult> {
      if (stream === null || start < heldStart) await restart();
      const chunks = stream as AsyncGenerator<Uint8Array>;
      passTo(start);
      while (heldStart + held.length < end) {
        const next = await chunks.next();
        if (next.done) break;
        held = concat(held, next.value);
        passTo(start);
      }
      const bytes = held.slice(start - heldStart, end - heldStart);
      return { value: new Blob([bytes]), done: start + bytes.length >= size };
    },
    close() {
      void stream?.return(undefined);
      stream = null;
    },
  };
}

function concat(head: Uint8Array, tail: Uint8Array): Uint8Array<ArrayBuffer> {
  const joined = new Uint8Array(head.length + tail.length);
  joined.set(head);
  joined.set(tail, head.length);
  return joined;
}
