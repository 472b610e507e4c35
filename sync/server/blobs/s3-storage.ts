import { Readable } from 'node:stream';
import { S3, type S3ClientConfig } from '@aws-sdk/client-s3';
import { S3Store, type MetadataValue } from '@tus/s3-store';
import { MemoryKvStore } from '@tus/server';
import type { BlobStorage } from './storage.ts';

export interface S3Options {
  endpoint?: string;
  bucket: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle?: boolean;
}

/** Blobs in an S3 bucket: tus uploads under their id (plus `<id>.info`), checked blobs under `<hash>`. */
export function s3BlobStorage(options: S3Options): BlobStorage {
  const config: S3ClientConfig = {
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.forcePathStyle ? { forcePathStyle: true } : {}),
    ...(options.accessKeyId && options.secretAccessKey
      ? { credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey } }
      : {}),
    // Self-hosted S3 servers (MinIO, Ceph, s3rver) often lack the SDK's newer default checksums.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  };
  const client = new S3(config);
  const Bucket = options.bucket;
  // Our own metadata cache: a discarded upload must be forgotten here too, or a HEAD would still find it.
  const cache = new MemoryKvStore<MetadataValue>();
  const uploads = new S3Store({ s3ClientConfig: { ...config, bucket: Bucket }, cache });
  const read = async (Key: string): Promise<Readable> => {
    const object = await client.getObject({ Bucket, Key });
    if (!(object.Body instanceof Readable)) throw new Error(`S3 object ${Key} has no readable body`);
    return object.Body;
  };
  const discard = async (uploadId: string) => {
    await cache.delete(uploadId);
    await client.deleteObjects({ Bucket, Delete: { Objects: [{ Key: uploadId }, { Key: `${uploadId}.info` }] } });
  };
  return {
    kind: 's3',
    uploads,
    readUpload: read,
    keep: async (uploadId, hash) => {
      await client.copyObject({ Bucket, Key: hash, CopySource: `${Bucket}/${uploadId}` });
      await discard(uploadId);
    },
    discard,
    readBlob: read,
    // Unfinished multipart uploads are the bucket's lifecycle rule to abort (README): listing them is
    // not something every S3-compatible server offers.
    removeExpiredUploads: async () => 0,
  };
}
