import { connect, createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { startLink } from './link.ts';

export interface LinkShape {
  /** Added to every chunk in each direction (half the round trip). */
  delayMs: number;
  /** Per direction. */
  bytesPerSecond: number;
}

export interface RawTransferResult {
  ms: number;
  upBytes: number;
  downBytes: number;
}

/**
 * The reference for the day-end sync: the same bodies (the pushes' JSON up, the pulled pages'
 * JSON down) sent as one plain TCP stream each way through the same proxy (link.ts) with the same delay and
 * throttle, with no HTTP, no replication protocol and no cuts. Done when the far end has every up
 * byte (it then sends one last byte, which must cross the link too) and the desk every down byte.
 */
export async function rawTransfer(up: readonly (string | Buffer)[], down: readonly (string | Buffer)[], link: LinkShape): Promise<RawTransferResult> {
  const asBuffer = (body: string | Buffer) => (typeof body === 'string' ? Buffer.from(body, 'utf8') : body);
  const upChunks = up.map(asBuffer);
  const downChunks = down.map(asBuffer);
  const upBytes = upChunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const downBytes = downChunks.reduce((sum, chunk) => sum + chunk.length, 0);

  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    let received = 0;
    let acknowledged = false;
    socket.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (!acknowledged && received >= upBytes) {
        acknowledged = true;
        socket.write(Buffer.from('.'));
      }
    });
    socket.on('error', () => undefined);
    for (const chunk of downChunks) socket.write(chunk);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const proxy = await startLink((server.address() as AddressInfo).port);
  await proxy.shape(link.delayMs, link.bytesPerSecond);
  const port = Number(new URL(proxy.url).port);
  try {
    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      const client = connect({ port, host: '127.0.0.1' });
      sockets.add(client);
      let received = 0;
      client.on('connect', () => {
        for (const chunk of upChunks) client.write(chunk);
      });
      client.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received >= downBytes + 1) resolve();
      });
      client.on('error', reject);
      client.on('close', () => reject(new Error(`raw transfer: connection closed after ${received} of ${downBytes + 1} bytes`)));
    });
    return { ms: performance.now() - started, upBytes, downBytes };
  } finally {
    for (const socket of sockets) socket.destroy();
    await proxy.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
