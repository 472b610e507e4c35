import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type S3rver from 's3rver';

interface KoaContext {
  method: string;
  path: string;
  query: Record<string, string | undefined>;
  status: number;
  type: string;
  body: string;
}

function findDir(root: string, name: string): string | undefined {
  if (!existsSync(root)) return undefined;
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const path = join(root, entry.name);
    if (entry.name === name) return path;
    const found = findDir(path, name);
    if (found) return found;
  }
  return undefined;
}

/**
 * s3rver 3.7 has no ListParts, which @tus/s3-store calls on every PATCH and HEAD: answered here from
 * s3rver's own part files (`<bucket>/…uploads/<uploadId>/<partNumber>`), in front of its router.
 */
export function addListParts(server: S3rver, directory: string): void {
  const middleware = (server as unknown as { middleware: Array<(ctx: KoaContext, next: () => Promise<void>) => Promise<void>> }).middleware;
  middleware.unshift(async (ctx, next) => {
    const uploadId = ctx.query.uploadId;
    if (ctx.method !== 'GET' || !uploadId || ctx.query.partNumber !== undefined) return next();
    const [, bucket = '', ...key] = ctx.path.split('/');
    const dir = findDir(join(directory, bucket), uploadId);
    ctx.type = 'application/xml';
    if (!dir) {
      ctx.status = 404;
      ctx.body = `<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchUpload</Code><Message>The specified upload does not exist.</Message></Error>`;
      return;
    }
    const parts = readdirSync(dir)
      .filter((name) => /^\d+$/.test(name))
      .map(Number)
      .sort((a, b) => a - b)
      .map((number) => {
        const file = join(dir, String(number));
        const md5 = createHash('md5').update(readFileSync(file)).digest('hex');
        return `<Part><PartNumber>${number}</PartNumber><ETag>"${md5}"</ETag><Size>${statSync(file).size}</Size></Part>`;
      });
    ctx.status = 200;
    ctx.body = `<?xml version="1.0" encoding="UTF-8"?><ListPartsResult><Bucket>${bucket}</Bucket><Key>${key.join('/')}</Key><UploadId>${uploadId}</UploadId><IsTruncated>false</IsTruncated>${parts.join('')}</ListPartsResult>`;
  });
}
