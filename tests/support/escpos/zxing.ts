import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes, type ReadResult } from 'zxing-wasm/reader';

let prepared: Promise<unknown> | undefined;

/** zxing-wasm with its .wasm read from node_modules: it would otherwise fetch it from a CDN. */
function prepare(): Promise<unknown> {
  prepared ??= (async () => {
    const wasmPath = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
    const wasmBinary = await readFile(wasmPath);
    return prepareZXingModule({
      overrides: { wasmBinary: wasmBinary.buffer.slice(wasmBinary.byteOffset, wasmBinary.byteOffset + wasmBinary.byteLength) },
      fireImmediately: true,
    });
  })();
  return prepared;
}

/** Decodes every barcode in a PNG with ZXing, an independent decoder. */
export async function decodeBarcodes(png: Uint8Array): Promise<ReadResult[]> {
  await prepare();
  return readBarcodes(png, { formats: ['Code128', 'QRCode'], tryHarder: true, maxNumberOfSymbols: 4 });
}
