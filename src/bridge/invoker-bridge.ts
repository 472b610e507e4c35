import { bridgeEnvelopeSchema, BridgeError, type BridgeFailure } from './bridge-error.ts';
import type { DeskBridge, UpdateStatus } from './desk-bridge.ts';
import { bridgeEvents, bridgeMethods, bridgeMethodNames } from './ipc-contract.ts';

export interface BridgeTransport {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
}

/**
 * A DeskBridge over an IPC transport (the preload's `ipcRenderer`). Answers are
 * envelopes, checked against the contract before the renderer sees them.
 */
export function createInvokerBridge(
  transport: BridgeTransport,
  rejectWith: (failure: BridgeFailure) => unknown = (failure) => BridgeError.fromFailure(failure),
): DeskBridge {
  const call = async (name: (typeof bridgeMethodNames)[number], payload: unknown) => {
    const method = bridgeMethods[name];
    const envelope = bridgeEnvelopeSchema.safeParse(await transport.invoke(method.channel, payload));
    if (!envelope.success) {
      throw rejectWith({ code: 'internal', message: 'Ứng dụng trả lời không đúng định dạng. Hãy khởi động lại ứng dụng.' });
    }
    if (!envelope.data.ok) throw rejectWith(envelope.data.error);
    const value = method.response.safeParse(envelope.data.value);
    if (!value.success) {
      throw rejectWith({ code: 'internal', message: 'Ứng dụng trả lời không đúng định dạng. Hãy khởi động lại ứng dụng.' });
    }
    return value.data;
  };

  const bridge = Object.fromEntries(
    bridgeMethodNames.map((name) => [name, (payload?: unknown) => call(name, payload)]),
  ) as unknown as Omit<DeskBridge, 'onUpdateStatus'>;

  return {
    ...bridge,
    onUpdateStatus(listener: (status: UpdateStatus) => void) {
      return transport.subscribe(bridgeEvents.updateStatus.channel, (payload) => {
        const status = bridgeEvents.updateStatus.payload.safeParse(payload);
        if (status.success) listener(status.data);
      });
    },
  };
}
