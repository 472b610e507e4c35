import { z } from 'zod';
import { DomainError, err, ok } from '../../src/errors.ts';
import type { Result } from '../../src/errors.ts';

/**
 * How the desk reaches its server: over TLS, over plain HTTP to this machine (nothing crosses the
 * network), or over plain HTTP on the network (the enrollment code, the desk credential and the
 * officers' password verifiers readable by anyone on the path).
 */
export type ServerTransport = 'https' | 'loopback' | 'plain-http';

/** The administrator's choice on the settings screen; plain HTTP on the network is off by default. */
export const SYNC_TRANSPORT_KEY = 'sync-transport';
export const transportSettingsSchema = z.strictObject({ allowPlainHttp: z.boolean() });
export type TransportSettings = z.infer<typeof transportSettingsSchema>;
export const DEFAULT_TRANSPORT_SETTINGS: TransportSettings = { allowPlainHttp: false };

export const INSECURE_URL_MESSAGE =
  'Địa chỉ máy chủ dùng http:// không mã hóa: mã kích hoạt, khóa của quầy và mật khẩu cán bộ sẽ truyền qua mạng ở dạng ai cũng đọc được. ' +
  'Hãy dùng địa chỉ https://. Nếu máy chủ tỉnh chưa có HTTPS, quản trị viên có thể tạm cho phép trong Cài đặt › Kết nối máy chủ.';

/** `localhost`, `127.0.0.0/8` and `[::1]`: plain HTTP to them never leaves the machine. */
export function isLoopbackHost(hostname: string): boolean {
  // URL has already normalised 127.1, 0x7f.0.0.1 and the like to dotted quads.
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** The transport of a server address, or null when it is not an http(s) URL. */
export function transportOf(serverUrl: string): ServerTransport | null {
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    return null;
  }
  if (url.protocol === 'https:') return 'https';
  if (url.protocol !== 'http:') return null;
  return isLoopbackHost(url.hostname) ? 'loopback' : 'plain-http';
}

/**
 * The rule for every address the desk sends its secrets to (enrollment and sync): HTTPS, or plain
 * HTTP to this machine; plain HTTP on the network only when the administrator allowed it.
 */
export function checkServerAddress(serverUrl: string, settings: TransportSettings): Result<ServerTransport> {
  const transport = transportOf(serverUrl);
  if (transport === null) {
    return err(new DomainError('enroll.bad_url', 'Địa chỉ máy chủ phải có dạng https://… (ví dụ https://motcua.tinh.gov.vn).', ['serverUrl']));
  }
  if (transport === 'plain-http' && !settings.allowPlainHttp) {
    return err(new DomainError('sync.insecure_url', INSECURE_URL_MESSAGE, ['serverUrl']));
  }
  return ok(transport);
}
