import { contextBridge, ipcRenderer } from 'electron';
import { createInvokerBridge } from '../../src/bridge/invoker-bridge.ts';

/**
 * The renderer's only door to the host: `window.motcua`, a DeskBridge. Failures are
 * rejected as plain `{ code, message, printed }` objects because contextBridge keeps
 * only the message of an Error; the renderer reads them with `toBridgeError`.
 */
const bridge = createInvokerBridge(
  {
    invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
    subscribe: (channel, listener) => {
      const handler = (_event: unknown, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, handler);
      return () => {
        ipcRenderer.removeListener(channel, handler);
      };
    },
  },
  (failure) => ({ name: 'BridgeError', ...failure }),
);

contextBridge.exposeInMainWorld('motcua', bridge);
