import type { z } from 'zod';
import { platformGzip } from './gzip.ts';
import type { Gzip } from './gzip.ts';
import { errorBodySchema } from './wire.ts';

/**
 * Why a request to the provincial server failed, in the terms sync acts on:
 * - `network`: no answer (offline, cut connection, timeout): retry later, show "offline";
 * - `server`: the server failed (5xx) or answered something unreadable: retry later, show "error";
 * - `refused`: the server refused the request (4xx); `eventId` names the event it refused, if one.
 */
export type SyncErrorKind = 'network' | 'server' | 'refused';

export class SyncError extends Error {
  override readonly name = 'SyncError';
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
    readonly status: number | null = null,
    readonly code: string = kind,
    readonly eventId?: string,
    /** The dotted path of the field the server found at fault, if it said. */
    readonly path?: string,
  ) {
    super(message);
  }
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface HttpClientOptions {
  baseUrl: string;
  /** The desk credential; absent before enrollment. */
  credential?: () => string | null;
  fetch?: FetchLike;
  timeoutMs?: number;
  /** Compresses request bodies sent with `compress`; defaults to the platform's, null sends them plain. */
  gzip?: Gzip | null;
}

export interface PostOptions {
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** Gzip the body (`Content-Encoding: gzip`) when it is big enough to gain from it. */
  compress?: boolean;
}

export interface HttpClient {
  baseUrl: string;
  get<S extends z.ZodType>(path: string, schema: S, signal?: AbortSignal): Promise<z.output<S>>;
  post<S extends z.ZodType>(path: string, body: unknown, schema: S, options?: PostOptions): Promise<z.output<S>>;
  /** A raw streaming request (server-sent events); the caller reads the body. */
  open(path: string, signal: AbortSignal): Promise<Response>;
  /** A file: its bytes and media type. */
  getBytes(path: string, signal?: AbortSignal): Promise<{ bytes: Uint8Array; mediaType: string }>;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
const ACCEPT = { json: 'application/json', stream: 'text/event-stream', file: '*/*' } as const;
/** Below this a gzip header and the work cost more than they save. */
const MIN_COMPRESSED_BYTES = 1024;
/** What a server that cannot inflate our body answers: an older server reads gzip as bad JSON. */
const CANNOT_INFLATE = new Set(['request.bad_json', 'request.bad_encoding', 'request.unsupported_encoding']);

export function normaliseServerUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const baseUrl = normaliseServerUrl(options.baseUrl);
  const doFetch: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // Cleared for good when the server shows it cannot read a compressed body.
  let gzip = options.gzip === undefined ? platformGzip() : options.gzip;

  function headers(accept: 'json' | 'stream' | 'file'): Record<string, string> {
    const result: Record<string, string> = { accept: ACCEPT[accept] };
    const credential = options.credential?.();
    if (credential) result.authorization = `Bearer ${credential}`;
    return result;
  }

  async function send(path: string, init: RequestInit, signal: AbortSignal | undefined, timeout: number | null): Promise<Response> {
    const signals = [signal, timeout === null ? undefined : AbortSignal.timeout(timeout)].filter((s): s is AbortSignal => s !== undefined);
    try {
      return await doFetch(`${baseUrl}${path}`, { ...init, signal: signals.length > 0 ? AbortSignal.any(signals) : null });
    } catch (error) {
      const reason = error instanceof Error && error.name === 'TimeoutError' ? 'máy chủ không trả lời kịp' : 'không kết nối được máy chủ';
      throw new SyncError('network', `Mất kết nối: ${reason} (${baseUrl}).`);
    }
  }

  async function read<S extends z.ZodType>(response: Response, schema: S): Promise<z.output<S>> {
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      if (response.ok) throw new SyncError('server', 'Máy chủ trả về dữ liệu không đọc được.', response.status, 'response.bad_json');
      body = null;
    }
    if (!response.ok) throw refusal(response.status, body);
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new SyncError('server', 'Máy chủ trả về dữ liệu không đúng định dạng (có thể máy chủ và quầy khác phiên bản).', response.status, 'response.bad_shape');
    }
    return parsed.data;
  }

  return {
    baseUrl,
    async get(path, schema, signal) {
      return read(await send(path, { method: 'GET', headers: headers('json') }, signal, timeoutMs), schema);
    },
    async post(path, body, schema, { signal, headers: extra = {}, compress = false } = {}) {
      const json = JSON.stringify(body);
      const postHeaders = { ...headers('json'), ...extra, 'content-type': 'application/json' };
      const compressWith = compress && json.length >= MIN_COMPRESSED_BYTES ? gzip : null;
      if (compressWith) {
        const init = { method: 'POST', headers: { ...postHeaders, 'content-encoding': 'gzip' }, body: await compressWith(new TextEncoder().encode(json)) };
        const response = await send(path, init, signal, timeoutMs);
        if (!(await cannotInflate(response))) return read(response, schema);
        gzip = null;
      }
      return read(await send(path, { method: 'POST', headers: postHeaders, body: json }, signal, timeoutMs), schema);
    },
    async open(path, signal) {
      const response = await send(path, { method: 'GET', headers: headers('stream') }, signal, null);
      if (!response.ok) {
        const body: unknown = await response.json().catch(() => null);
        throw refusal(response.status, body);
      }
      return response;
    },
    async getBytes(path, signal) {
      const response = await send(path, { method: 'GET', headers: headers('file') }, signal, null);
      if (!response.ok) {
        const body: unknown = await response.json().catch(() => null);
        throw refusal(response.status, body);
      }
      try {
        return { bytes: new Uint8Array(await response.arrayBuffer()), mediaType: response.headers.get('content-type') ?? 'application/octet-stream' };
      } catch {
        throw new SyncError('network', `Mất kết nối khi tải tệp từ máy chủ (${baseUrl}).`);
      }
    },
  };
}

/** True when the server refused a compressed body because it could not read it (the answer stays readable). */
async function cannotInflate(response: Response): Promise<boolean> {
  if (response.status !== 400 && response.status !== 415) return false;
  const body: unknown = await response.clone().json().catch(() => null);
  const parsed = errorBodySchema.safeParse(body);
  return response.status === 415 || (parsed.success && CANNOT_INFLATE.has(parsed.data.error.code));
}

/** The error an answer other than 2xx stands for, read from the server's error body when it has one. */
export function refusal(status: number, body: unknown): SyncError {
  const parsed = errorBodySchema.safeParse(body);
  const message = parsed.success ? parsed.data.error.message : `Máy chủ báo lỗi ${status}.`;
  const code = parsed.success ? parsed.data.error.code : `http.${status}`;
  // 408 and 429 are "try again later", like a failing server.
  const kind = status >= 500 || status === 408 || status === 429 ? 'server' : 'refused';
  return new SyncError(kind, message, status, code, parsed.success ? parsed.data.error.eventId : undefined, parsed.success ? parsed.data.error.path : undefined);
}
