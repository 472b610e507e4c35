import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import { BridgeError, type BridgeEnvelope } from '../../src/bridge/bridge-error.ts';
import { bridgeMethodNames, bridgeMethods, type BridgeMethodName } from '../../src/bridge/ipc-contract.ts';
import { isAppUrl } from './security/app-origin.ts';

/** What main does for each bridge method, typed from the contract's schemas. */
export type DeskServices = {
  [Name in BridgeMethodName]: (
    payload: z.infer<(typeof bridgeMethods)[Name]['request']>,
    event: IpcMainInvokeEvent,
  ) => Promise<z.input<(typeof bridgeMethods)[Name]['response']>>;
};

export interface IpcLog {
  warn(...values: unknown[]): void;
  error(...values: unknown[]): void;
}

/** Only the app's own page, in its top frame, may call the host. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>): boolean {
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame) return false;
  // Not URL.origin: WHATWG gives "null" for non-special schemes like app:.
  return isAppUrl(frame.url);
}

const describePayload = (payload: unknown) =>
  payload instanceof Uint8Array ? `Uint8Array(${payload.byteLength})` : typeof payload === 'object' && payload !== null ? Object.keys(payload) : typeof payload;

/**
 * One `ipcMain.handle` per contract method. Each call: sender checked, payload
 * parsed with the contract's schema, service run, answer parsed, and the outcome
 * wrapped in an envelope; refusals are logged (without personal data) and typed.
 */
export function registerIpcHandlers(
  deps: { ipcMain: Pick<IpcMain, 'handle'>; log: IpcLog; isTrustedSender?: typeof isTrustedSender },
  services: DeskServices,
): void {
  const trusted = deps.isTrustedSender ?? isTrustedSender;
  for (const name of bridgeMethodNames) {
    const method = bridgeMethods[name];
    deps.ipcMain.handle(method.channel, async (event, payload: unknown): Promise<BridgeEnvelope> => {
      if (!trusted(event)) {
        deps.log.warn('IPC refused: untrusted sender', method.channel, event.senderFrame?.url);
        return fail(new BridgeError('forbidden-sender', 'Yêu cầu không đến từ ứng dụng Một Cửa nên bị từ chối.'));
      }
      const request = method.request.safeParse(payload);
      if (!request.success) {
        deps.log.warn(
          'IPC refused: invalid payload',
          method.channel,
          describePayload(payload),
          request.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.code}`),
        );
        return fail(new BridgeError('invalid-payload', 'Yêu cầu gửi tới ứng dụng không hợp lệ nên bị từ chối.'));
      }
      try {
        const service = services[name] as (payload: unknown, event: IpcMainInvokeEvent) => Promise<unknown>;
        const value = method.response.parse(await service(request.data, event));
        return { ok: true, value };
      } catch (error) {
        if (error instanceof BridgeError) {
          deps.log.warn('IPC failed', method.channel, error.code, error.message);
          return fail(error);
        }
        deps.log.error('IPC error', method.channel, error);
        return fail(new BridgeError('internal', 'Có lỗi không mong đợi trong ứng dụng. Hãy thử lại; nếu vẫn lỗi, khởi động lại ứng dụng.'));
      }
    });
  }
}

const fail = (error: BridgeError): BridgeEnvelope => ({ ok: false, error: error.toFailure() });
