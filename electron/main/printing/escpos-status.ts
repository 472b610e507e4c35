import type { ThermalPrinterStatus } from '../../../src/bridge/desk-bridge.ts';

const DLE = 0x10;
const EOT = 0x04;

/** DLE EOT 1 (printer), 2 (offline cause), 4 (roll paper): answered in real time, one byte each. */
export const statusQuery = Uint8Array.from([DLE, EOT, 1, DLE, EOT, 2, DLE, EOT, 4]);
export const statusReplyLength = 3;

/** One status byte: sent after a job, its answer proves the printer received everything before it. */
export const deliveryProbe = Uint8Array.from([DLE, EOT, 1]);

/** Decodes the three replies to `statusQuery` (Epson ESC/POS, followed by most clones). */
export function decodeStatus(reply: Uint8Array): ThermalPrinterStatus {
  const printer = reply[0] ?? 0;
  const offlineCause = reply[1] ?? 0;
  const paper = reply[2] ?? 0;
  const paperState: ThermalPrinterStatus['paper'] =
    (paper & 0x60) === 0x60 ? 'out' : (paper & 0x0c) === 0x0c ? 'near-end' : 'ok';
  return {
    online: (printer & 0x08) === 0,
    coverOpen: (offlineCause & 0x04) !== 0,
    paper: (offlineCause & 0x20) !== 0 ? 'out' : paperState,
  };
}
