import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { isTrustedSender, registerIpcHandlers, type DeskServices } from '../../../electron/main/ipc.ts';
import { BridgeError, toBridgeError } from '../../../src/bridge/bridge-error.ts';
import { createInvokerBridge } from '../../../src/bridge/invoker-bridge.ts';
import { bridgeMethodNames, bridgeMethods } from '../../../src/bridge/ipc-contract.ts';

type Handler = (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>;

function senderEvent(url: string, options: { subframe?: boolean } = {}): IpcMainInvokeEvent {
  const mainFrame = { url: 'app://motcua/index.html' };
  const senderFrame = options.subframe ? { url } : Object.assign(mainFrame, { url });
  return { senderFrame, sender: { mainFrame } } as unknown as IpcMainInvokeEvent;
}
const trusted = senderEvent('app://motcua/index.html#/tiep-nhan');

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 2, 64, 0, 0, 1, 0]);

function setup() {
  const handlers = new Map<string, Handler>();
  const log = { warn: vi.fn(), error: vi.fn() };
  const services = {
    getAppInfo: vi.fn(async () => ({ name: 'Một Cửa', version: '0.1.0', host: 'electron' as const })),
    listPrinters: vi.fn(async () => [{ name: 'EPSON_TM_T82', displayName: 'EPSON TM-T82', description: '', isDefault: true }]),
    printDocument: vi.fn(async () => ({ printed: true })),
    saveDocumentAsPdf: vi.fn(async () => ({ saved: false })),
    printThermal: vi.fn(async () => ({ bytesSent: 10, confirmed: true })),
    getThermalPrinterStatus: vi.fn(async () => ({ online: true, paper: 'ok' as const, coverOpen: false })),
    getUpdateStatus: vi.fn(async () => ({ state: 'disabled' as const })),
    restartToUpdate: vi.fn(async () => undefined),
    exportBackup: vi.fn(async () => ({ saved: true, fileName: '/tmp/a.motcua-backup' })),
    importBackup: vi.fn(async () => ({ imported: false as const })),
    getEncryptionKey: vi.fn(async () => ({ keyBase64: Buffer.alloc(32, 7).toString('base64') })),
  } satisfies DeskServices;
  registerIpcHandlers({ ipcMain: { handle: (channel: string, handler: Handler) => handlers.set(channel, handler) } as never, log }, services);
  const call = (name: keyof typeof bridgeMethods, payload: unknown, event = trusted) => handlers.get(bridgeMethods[name].channel)!(event, payload);
  return { handlers, log, services, call };
}

const goodPrint = { html: '<!doctype html><p>Giấy tiếp nhận</p>', silent: true, copies: 2, pageSize: 'A5', printerName: 'HP_LaserJet' };

describe('IPC handlers in main', () => {
  it('registers exactly one handler per contract method', () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual(bridgeMethodNames.map((name) => bridgeMethods[name].channel).sort());
  });

  it('answers a trusted, valid call with an ok envelope', async () => {
    const { call, services } = setup();
    expect(await call('printDocument', goodPrint)).toEqual({ ok: true, value: { printed: true } });
    expect(services.printDocument).toHaveBeenCalledWith(goodPrint, trusted);
  });

  it.each([
    ['another origin', senderEvent('https://evil.example/')],
    ['a file page', senderEvent('file:///tmp/x.html')],
    ['a sub-frame of the app', senderEvent('app://motcua/index.html', { subframe: true })],
    ['no frame at all', { senderFrame: null, sender: { mainFrame: {} } } as unknown as IpcMainInvokeEvent],
  ])('refuses %s as sender, without running the service', async (_label, event) => {
    const { call, services, log } = setup();
    const answer = await call('printDocument', goodPrint, event);
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(services.printDocument).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalled();
  });

  it.each([
    ['printDocument', { ...goodPrint, copies: 0 }],
    ['printDocument', { ...goodPrint, copies: 2.5 }],
    ['printDocument', { ...goodPrint, pageSize: 'Letter' }],
    ['printDocument', { ...goodPrint, nodeIntegration: true }],
    ['printDocument', { ...goodPrint, html: '' }],
    ['printDocument', 'print everything'],
    ['printDocument', null],
    ['saveDocumentAsPdf', { html: '<p>x</p>', pageSize: 'A4', suggestedFileName: '../../.bashrc' }],
    ['saveDocumentAsPdf', { html: '<p>x</p>', pageSize: 'A4', suggestedFileName: 'C:\\Windows\\x.pdf' }],
    ['printThermal', { target: 'tcp://10.0.0.5:9100', png: 'not bytes', cut: true, timeoutMs: 3000 }],
    ['printThermal', { target: 'smb://printer', png, cut: true, timeoutMs: 3000 }],
    ['printThermal', { target: 'tcp://10.0.0.5:70000', png, cut: true, timeoutMs: 3000 }],
    ['printThermal', { target: 'tcp://10.0.0.5:9100', png, cut: true, timeoutMs: 3_600_000 }],
    ['getThermalPrinterStatus', { target: 'tcp://10.0.0.5:9100' }],
    ['exportBackup', { data: [1, 2, 3], suggestedFileName: 'sao-luu.motcua-backup' }],
    ['getAppInfo', { please: 'more' }],
    ['importBackup', 'C:/Users/officer/secret.txt'],
  ] as const)('rejects a bad %s payload with a typed error and a log line', async (name, payload) => {
    const { call, services, log } = setup();
    const answer = await call(name, payload);
    expect(answer).toEqual({ ok: false, error: { code: 'invalid-payload', message: 'Yêu cầu gửi tới ứng dụng không hợp lệ nên bị từ chối.' } });
    expect(services[name]).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalledWith('IPC refused: invalid payload', bridgeMethods[name].channel, expect.anything(), expect.any(Array));
  });

  it('passes typed service failures through and hides unexpected ones', async () => {
    const { call, services, log } = setup();
    services.printThermal.mockRejectedValueOnce(new BridgeError('printer-out-of-paper', 'Máy in hết giấy.', 'no'));
    expect(await call('printThermal', { target: 'tcp://10.0.0.5:9100', png, cut: true, timeoutMs: 3000 })).toEqual({
      ok: false,
      error: { code: 'printer-out-of-paper', message: 'Máy in hết giấy.', printed: 'no' },
    });
    services.listPrinters.mockRejectedValueOnce(new Error('ENOENT /usr/lib/cups'));
    const hidden = await call('listPrinters', undefined);
    expect(hidden).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(hidden)).not.toContain('ENOENT');
    expect(log.error).toHaveBeenCalled();
  });

  it('refuses a service answer that breaks the contract', async () => {
    const { call, services } = setup();
    services.getAppInfo.mockResolvedValueOnce({ name: '', version: '1', host: 'electron' });
    expect(await call('getAppInfo', undefined)).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('the preload side of the bridge', () => {
  it('turns envelopes into values and plain failure objects the renderer reads with toBridgeError', async () => {
    const { call, services } = setup();
    const bridge = createInvokerBridge(
      {
        invoke: (channel, payload) => {
          const name = bridgeMethodNames.find((candidate) => bridgeMethods[candidate].channel === channel)!;
          return call(name, payload);
        },
        subscribe: () => () => undefined,
      },
      (failure) => ({ name: 'BridgeError', ...failure }),
    );
    expect(await bridge.getAppInfo()).toEqual({ name: 'Một Cửa', version: '0.1.0', host: 'electron' });
    services.printThermal.mockRejectedValueOnce(new BridgeError('printer-connection-lost', 'Mất kết nối với máy in giữa chừng.', 'maybe'));
    const rejection = await bridge.printThermal({ target: 'tcp://10.0.0.5:9100', png, cut: true, timeoutMs: 3000 }).catch((reason: unknown) => reason);
    expect(rejection).not.toBeInstanceOf(Error);
    const error = toBridgeError(rejection);
    expect(error).toBeInstanceOf(BridgeError);
    expect([error.code, error.printed]).toEqual(['printer-connection-lost', 'maybe']);
  });

  it('isTrustedSender accepts only the app origin in the main frame', () => {
    expect(isTrustedSender(trusted)).toBe(true);
    expect(isTrustedSender(senderEvent('app://motcua.evil/index.html'))).toBe(false);
  });
});
