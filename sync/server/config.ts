import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';

/**
 * Whom to believe about `X-Forwarded-For`/`-Proto`/`-Host`: Fastify's `trustProxy` (the proxy's
 * addresses or CIDRs, or every peer). Off by default: a client could otherwise pick its own address
 * (and escape the rate limits) or pretend to use HTTPS. A hop count is refused: it cannot tell the
 * proxy from a client talking to the server directly (Fastify 5 then trusts no one anyway).
 */
export type TrustProxy = boolean | string[];

/** proxy-addr's names for address ranges. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

const trustProxySchema = z
  .string()
  .trim()
  .min(1)
  .transform((text, context): TrustProxy => {
    if (text === 'true') return true;
    if (text === 'false') return false;
    if (/^\d+$/.test(text)) {
      context.addIssue({ code: 'custom', message: 'a hop count cannot tell the proxy from a client: give the proxy\'s address or CIDR' });
      return z.NEVER;
    }
    const entries = text.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
    const bad = entries.find((entry) => !isAddressOrCidr(entry));
    if (entries.length === 0 || bad !== undefined) {
      context.addIssue({ code: 'custom', message: `not true nor addresses/CIDRs separated by commas: ${bad ?? text}` });
      return z.NEVER;
    }
    return entries;
  });

function isAddressOrCidr(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  if (rest.length > 0) return false;
  const version = isIP(address);
  if (version === 0) return false;
  if (bits === undefined) return true;
  return /^\d+$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128);
}

const configSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535),
  host: z.string().min(1),
  dataDir: z.string().min(1),
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  tlsCertFile: z.string().min(1).optional(),
  tlsKeyFile: z.string().min(1).optional(),
  trustProxy: trustProxySchema.optional(),
  /** Uploaded papers on disk (issue 22), unless `s3` is given. */
  blobDir: z.string().min(1),
  s3: z
    .object({
      endpoint: z.url().optional(),
      bucket: z.string().min(1),
      region: z.string().min(1),
      accessKeyId: z.string().min(1).optional(),
      secretAccessKey: z.string().min(1).optional(),
      forcePathStyle: z.boolean(),
    })
    .optional(),
});
export type ServerConfig = z.infer<typeof configSchema>;

/** Reads the server configuration: command-line flags win over the environment, which wins over defaults. */
export function readServerConfig(argv: string[], env: NodeJS.ProcessEnv): ServerConfig {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'trust-proxy': { type: 'string' },
      blobs: { type: 'string' },
    },
    strict: true,
  });
  const dataDir = values.data ?? env.DATA_DIR ?? './data/server';
  const result = configSchema.safeParse({
    port: values.port ?? env.PORT ?? 8080,
    host: values.host ?? env.HOST ?? '127.0.0.1',
    dataDir,
    // Beside the data folder, not in it: PGlite owns that folder, and PostgreSQL has none here.
    blobDir: values.blobs ?? (env.MOTCUA_BLOB_DIR || join(dataDir, '..', 'attachments')),
    s3: env.MOTCUA_S3_BUCKET
      ? {
          endpoint: env.MOTCUA_S3_ENDPOINT || undefined,
          bucket: env.MOTCUA_S3_BUCKET,
          region: env.MOTCUA_S3_REGION || 'us-east-1',
          accessKeyId: env.MOTCUA_S3_ACCESS_KEY_ID || undefined,
          secretAccessKey: env.MOTCUA_S3_SECRET_ACCESS_KEY || undefined,
          forcePathStyle: env.MOTCUA_S3_FORCE_PATH_STYLE === 'true',
        }
      : undefined,
    databaseUrl: env.DATABASE_URL || undefined,
    tlsCertFile: values['tls-cert'] ?? (env.TLS_CERT_FILE || undefined),
    tlsKeyFile: values['tls-key'] ?? (env.TLS_KEY_FILE || undefined),
    trustProxy: values['trust-proxy'] ?? (env.TRUST_PROXY || undefined),
  });
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid server configuration: ${issues.join('; ')}`);
  }
  const config = result.data;
  if ((config.tlsCertFile === undefined) !== (config.tlsKeyFile === undefined)) {
    throw new Error('Invalid server configuration: HTTPS needs both --tls-cert and --tls-key (or TLS_CERT_FILE and TLS_KEY_FILE)');
  }
  return Object.fromEntries(Object.entries(config).filter(([, value]) => value !== undefined)) as ServerConfig;
}

export interface TlsFiles {
  cert: Buffer;
  key: Buffer;
}

/** The certificate chain and private key named in the configuration, or null to serve plain HTTP. */
export function readTlsFiles(config: Pick<ServerConfig, 'tlsCertFile' | 'tlsKeyFile'>, read: (file: string) => Buffer = readFileSync): TlsFiles | null {
  if (config.tlsCertFile === undefined || config.tlsKeyFile === undefined) return null;
  const load = (what: string, file: string) => {
    let bytes: Buffer;
    try {
      bytes = read(file);
    } catch (error) {
      throw new Error(`Cannot read the TLS ${what} file ${file}: ${(error as Error).message}`, { cause: error });
    }
    if (!bytes.toString('latin1').includes('-----BEGIN ')) throw new Error(`The TLS ${what} file ${file} is not in PEM format`);
    return bytes;
  };
  return { cert: load('certificate', config.tlsCertFile), key: load('key', config.tlsKeyFile) };
}
