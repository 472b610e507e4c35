import { createServer, connect } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';

/**
 * A TCP proxy between a client under test and a real server, to make the network misbehave:
 * cut every connection, refuse new ones ("offline"), delay and throttle traffic, or run a rule on
 * each chunk that may drop it and cut the connection (e.g. "the push reached the server, cut
 * before its answer reaches the desk").
 *
 * It knows just enough HTTP to say which request a connection last carried (`lastRequest`), so
 * rules can target pushes or pulls on kept-alive connections.
 */
export type Direction = 'up' | 'down';

export interface ChunkContext {
  direction: Direction;
  chunk: Buffer;
  /** Request line of the last request sent on this connection, e.g. "POST /api/sync/events/push". */
  lastRequest: string;
  /** Bytes already forwarded in this direction on this connection. */
  forwarded: number;
}

/**
 * What to do with a chunk: forward it, or cut the connection after forwarding its first `keep`
 * bytes (0: nothing of it gets through).
 */
export type ChunkDecision = 'forward' | { cutAfter: number };
export type ChunkRule = (context: ChunkContext) => ChunkDecision;

export interface TcpProxy {
  port: number;
  url: string;
  /** Points new connections at another upstream port (a restarted server). */
  setTarget(port: number): void;
  /** Destroys every open connection now. */
  cutAll(): void;
  /** Offline: new connections are accepted then closed at once. Cuts open ones too when turning on. */
  setOffline(offline: boolean): void;
  /** Added latency per chunk, in ms. */
  setDelay(ms: number): void;
  /** Bytes per second in each direction per connection; 0 lifts the limit. */
  setThrottle(bytesPerSecond: number): void;
  /** A rule consulted for each chunk; null removes it. */
  setRule(rule: ChunkRule | null): void;
  /** Connections cut by a rule so far. */
  readonly cuts: number;
  close(): Promise<void>;
}

interface Pair {
  client: Socket;
  upstream: Socket;
  lastRequest: string;
  forwarded: Record<Direction, number>;
  queue: Record<Direction, Promise<void>>;
  dead: boolean;
}

const REQUEST_LINE = /(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS) (\S+) HTTP\/1\.[01]/g;

export async function startTcpProxy(targetPort: number, host = '127.0.0.1'): Promise<TcpProxy> {
  let target = targetPort;
  let offline = false;
  let delayMs = 0;
  let throttle = 0;
  let rule: ChunkRule | null = null;
  let cuts = 0;
  const pairs = new Set<Pair>();

  const kill = (pair: Pair) => {
    if (pair.dead) return;
    pair.dead = true;
    pair.client.destroy();
    pair.upstream.destroy();
    pairs.delete(pair);
  };

  const forward = async (pair: Pair, direction: Direction, chunk: Buffer) => {
    if (pair.dead) return;
    if (direction === 'up') {
      for (const match of chunk.toString('latin1').matchAll(REQUEST_LINE)) pair.lastRequest = `${match[1]} ${match[2]}`;
    }
    const decision = rule ? rule({ direction, chunk, lastRequest: pair.lastRequest, forwarded: pair.forwarded[direction] }) : 'forward';
    const keep = decision === 'forward' ? chunk.length : Math.max(0, Math.min(chunk.length, decision.cutAfter));
    const out = chunk.subarray(0, keep);
    if (delayMs > 0) await sleep(delayMs);
    const sink = direction === 'up' ? pair.upstream : pair.client;
    if (throttle > 0) {
      const slice = Math.max(1, Math.floor(throttle / 10));
      for (let at = 0; at < out.length && !pair.dead; at += slice) {
        sink.write(out.subarray(at, at + slice));
        await sleep(100);
      }
    } else if (out.length > 0 && !pair.dead) {
      sink.write(out);
    }
    pair.forwarded[direction] += out.length;
    if (decision !== 'forward') {
      cuts += 1;
      // Let the kept bytes leave before the connection dies.
      await sleep(10);
      kill(pair);
    }
  };

  const server: Server = createServer((client) => {
    if (offline) {
      client.destroy();
      return;
    }
    const upstream = connect({ port: target, host });
    const pair: Pair = {
      client,
      upstream,
      lastRequest: '',
      forwarded: { up: 0, down: 0 },
      queue: { up: Promise.resolve(), down: Promise.resolve() },
      dead: false,
    };
    pairs.add(pair);
    const pipe = (from: Socket, direction: Direction) => {
      from.on('data', (chunk: Buffer) => {
        // Chunks of one direction stay in order even when delayed or throttled.
        pair.queue[direction] = pair.queue[direction].then(() => forward(pair, direction, chunk));
      });
      // A side that closes after its last bytes (a server answering with Connection: close) has
      // them delivered first, delayed and throttled like the rest, as a real link would.
      const afterQueued = () => void pair.queue[direction].then(() => kill(pair));
      from.on('end', afterQueued);
      from.on('error', () => kill(pair));
      from.on('close', afterQueued);
    };
    pipe(client, 'up');
    pipe(upstream, 'down');
  });

  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    url: `http://${host}:${port}`,
    setTarget(next) {
      target = next;
    },
    cutAll() {
      for (const pair of [...pairs]) kill(pair);
    },
    setOffline(next) {
      offline = next;
      if (next) for (const pair of [...pairs]) kill(pair);
    },
    setDelay(ms) {
      delayMs = ms;
    },
    setThrottle(bytesPerSecond) {
      throttle = bytesPerSecond;
    },
    setRule(next) {
      rule = next;
    },
    get cuts() {
      return cuts;
    },
    async close() {
      for (const pair of [...pairs]) kill(pair);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
