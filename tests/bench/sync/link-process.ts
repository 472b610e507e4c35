// The day-end bench's network link, in its own process: tests/support/tcp-proxy.ts throttles
// with timers, and in the desk's process every busy stretch of RxDB work (decrypting, projecting)
// would stall the link too. Driven by messages from link.ts; see there.
import { startTcpProxy } from '../../support/tcp-proxy.ts';
import type { ChunkContext, ChunkDecision, ChunkRule } from '../../support/tcp-proxy.ts';
import type { LinkMessage, LinkReply, WireMeter } from './link.ts';

const PUSH = 'POST /api/sync/events/push';
const ACCEPTED = /"accepted":(\d+)/;

function kindOf(lastRequest: string): string {
  if (lastRequest === PUSH) return 'push';
  if (lastRequest.startsWith('GET /api/sync/events/pull')) return 'pull';
  if (lastRequest.startsWith('GET /api/sync/events/stream')) return 'stream';
  if (lastRequest.includes('/api/sync/reference/')) return 'reference';
  if (lastRequest.includes('/api/desks/health')) return 'health';
  if (lastRequest.includes('/api/uploads')) return 'upload';
  return 'other';
}

const send = (reply: LinkReply) => process.send?.(reply);

/** A proxy rule that counts every chunk into `current` (both ways, by request kind), then lets `decide` forward or cut it. */
function metered(current: WireMeter, decide: (kind: string, context: ChunkContext) => ChunkDecision): ChunkRule {
  return (context) => {
    const kind = kindOf(context.lastRequest);
    const bucket = (current.byKind[kind] ??= { up: 0, down: 0 });
    bucket[context.direction] += context.chunk.length;
    current[context.direction] += context.chunk.length;
    return decide(kind, context);
  };
}
const proxy = await startTcpProxy(Number(process.argv[2]));

let meter: WireMeter = { up: 0, down: 0, byKind: {}, cuts: [], allStoredAtMs: null };

process.on('message', (message: LinkMessage) => {
  switch (message.type) {
    case 'shape':
      proxy.setDelay(message.delayMs);
      proxy.setThrottle(message.bytesPerSecond);
      send({ type: 'done' });
      return;
    case 'meter': {
      // Counts every chunk both ways, by request kind. "Events sent" as the server counts them:
      // the `accepted` of each push answer; once a threshold is passed, every connection is cut
      // halfway through the next push body.
      const { thresholds, events, halfBody } = message;
      const started = performance.now();
      meter = { up: 0, down: 0, byKind: {}, cuts: [], allStoredAtMs: null };
      const current = meter;
      let stored = 0;
      let armedAt: number | null = null;
      let pushUp = 0;
      proxy.setRule(metered(current, (kind, { direction, chunk }) => {
        if (kind !== 'push') return 'forward';
        if (direction === 'down') {
          const accepted = ACCEPTED.exec(chunk.toString('latin1'));
          if (accepted) stored += Number(accepted[1]);
          if (stored >= events && current.allStoredAtMs === null) current.allStoredAtMs = performance.now() - started;
          const next = thresholds[current.cuts.length];
          if (armedAt === null && next !== undefined && stored >= next * events) armedAt = pushUp;
          return 'forward';
        }
        pushUp += chunk.length;
        if (armedAt !== null && pushUp - armedAt >= halfBody) {
          armedAt = null;
          current.cuts.push({ atMs: performance.now() - started, stored, fraction: thresholds[current.cuts.length] ?? 1 });
          setImmediate(() => proxy.cutAll());
        }
        return 'forward';
      }));
      send({ type: 'done' });
      return;
    }
    case 'meter-uploads': {
      // Counts every chunk both ways, by request kind; cuts every connection in the middle of an
      // upload request once the uploads' bytes up pass each threshold (`stored`: those bytes).
      const started = performance.now();
      meter = { up: 0, down: 0, byKind: {}, cuts: [], allStoredAtMs: null };
      const current = meter;
      const fractions = [...message.fractions].sort((a, b) => a - b);
      let uploaded = 0;
      proxy.setRule(metered(current, (kind, { direction, chunk }) => {
        if (kind !== 'upload' || direction !== 'up') return 'forward';
        uploaded += chunk.length;
        const next = fractions[current.cuts.length];
        if (next === undefined || uploaded < next * message.totalBytes) return 'forward';
        current.cuts.push({ atMs: performance.now() - started, stored: uploaded, fraction: next });
        setImmediate(() => proxy.cutAll());
        return 'forward';
      }));
      send({ type: 'done' });
      return;
    }
    case 'report':
      proxy.setRule(null);
      send({ type: 'meter', meter });
      return;
    case 'close':
      void proxy.close().then(() => process.exit(0));
      return;
  }
});

send({ type: 'ready', port: proxy.port });
