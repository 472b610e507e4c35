import { machineLine, markdownTable, row } from '../support/results.ts';
import type { BenchResult, BenchRow } from '../support/results.ts';
import { percentile, summarize } from '../support/stats.ts';
import type { DayEndResult } from './day-end-scenario.ts';
import type { PushResult } from './push-scenario.ts';

export const DAY_END_TARGET_MS = 90_000;
export const EVENTS_PER_SECOND_TARGET = 3_000;
export const LATENCY_P99_TARGET_MS = 1_000;

const int = (x: number) => Math.round(x).toLocaleString('en');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const ratio = (a: number, b: number) => (b > 0 ? `${a / b >= 0.1 ? (a / b).toFixed(1) : (a / b).toPrecision(2)}×` : '–');
const p99 = (xs: readonly number[]) => percentile([...xs].sort((a, b) => a - b), 99);

export function dayEndCorrect(d: DayEndResult): boolean {
  return d.server.lost === 0 && d.server.duplicated === 0 && d.server.unexpected === 0 && d.desk.pendingAfter === 0 && d.reports.at(-1)?.ok === true;
}

export function pushCorrect(p: PushResult): boolean {
  return p.server.failures.length === 0 && p.openLoop.server.failures.length === 0 && p.stored.lost === 0 && p.stored.duplicated === 0;
}

const offered = (p: PushResult) => `${int(p.openLoop.schedule.eventsPerSecond)} events/s offered`;

export function rowsOf(dayEnd: DayEndResult | null, pushes: readonly PushResult[]): BenchRow[] {
  const rows: BenchRow[] = [];
  if (dayEnd) {
    const base = row({
      id: 'day-end-sync',
      label: `day-end sync of ${int(dayEnd.dossiers)} dossiers (${int(dayEnd.events)} events), 1 Mbit/s, 300 ms RTT, ${dayEnd.cuts.length} cuts`,
      value: summarize([dayEnd.ms]),
      reference: { label: 'raw transfer of the same bytes, same link', ...summarize([dayEnd.raw.ms]) },
      targetP95: DAY_END_TARGET_MS,
      note:
        `${dayEnd.attempts} day-end cycle(s); server: ${dayEnd.server.lost} lost, ${dayEnd.server.duplicated} duplicated, ${dayEnd.server.unexpected} unexpected of ${dayEnd.events}; ` +
        `${int(dayEnd.wireBytesPerEvent)} bytes on the wire per event vs ${int(dayEnd.canonicalBytesPerEvent)} bytes of canonical JSON`,
    });
    rows.push({ ...base, pass: base.pass === true && dayEndCorrect(dayEnd) });
  }
  for (const p of pushes) {
    const correct = pushCorrect(p);
    const perThousand = row({
      id: `push-throughput-${p.desks}`,
      label: `push, ${p.desks} desks at once: ms per 1,000 events stored (≤ 333 ⇔ ≥ 3,000 events/s)`,
      value: summarize([1e6 / p.server.eventsPerSecond]),
      reference: { label: 'raw COPY of the same rows', ...summarize([1e6 / p.reference.eventsPerSecond]) },
      targetP95: Math.floor(1e6 / EVENTS_PER_SECOND_TARGET),
      note: `${int(p.server.eventsPerSecond)} events/s (reference ${int(p.reference.eventsPerSecond)} events/s); ${int(p.server.events)} events in ${seconds(p.server.wallMs)}`,
    });
    rows.push({ ...perThousand, pass: perThousand.pass === true && correct });
    const open = p.openLoop;
    const atLoad = row({
      id: `push-latency-${p.desks}`,
      label: `push latency at ${offered(p)} (open loop, from the scheduled send), ${p.desks} desks (target on p99)`,
      value: summarize(open.server.latencies),
      reference: { label: 'raw COPY of one batch, same schedule', ...summarize(open.reference.latencies) },
      note:
        `p99 ${int(p99(open.server.latencies))} ms (reference ${p99(open.reference.latencies).toFixed(1)} ms), target p99 ≤ ${LATENCY_P99_TARGET_MS} ms; ` +
        `${int(open.server.eventsPerSecond)} events/s stored over ${seconds(open.server.wallMs)}; measured pushes stored ${int(open.server.events)} of ${int(open.server.offeredEvents)} events`,
    });
    rows.push({ ...atLoad, pass: p99(open.server.latencies) <= LATENCY_P99_TARGET_MS && correct });
    rows.push(
      row({
        id: `push-saturation-latency-${p.desks}`,
        label: `push request latency at saturation (closed loop: queueing, ≈ desks × batch ÷ throughput), ${p.desks} desks, no target`,
        value: summarize(p.server.latencies),
        reference: { label: 'raw COPY of one batch, closed loop', ...summarize(p.reference.latencies) },
        note: `p99 ${int(p99(p.server.latencies))} ms (reference ${int(p99(p.reference.latencies))} ms)`,
      }),
    );
  }
  return rows;
}

/** The headline table: each figure in its own unit beside its reference, with p99 where it matters. */
function headline(dayEnd: DayEndResult | null, pushes: readonly PushResult[]): string {
  const lines = ['| figure | value | reference (same run) | reference value | ratio | target | result |', '| --- | ---: | --- | ---: | ---: | --- | --- |'];
  const verdict = (pass: boolean) => (pass ? 'pass' : '**FAIL**');
  if (dayEnd) {
    lines.push(
      `| day-end sync, ${int(dayEnd.dossiers)} dossiers / ${int(dayEnd.events)} events, 1 Mbit/s + 150 ms each way, ${dayEnd.cuts.length} forced disconnects | ${seconds(dayEnd.ms)} | raw transfer of the same bodies through the same proxy, no protocol, no cuts | ${seconds(dayEnd.raw.ms)} | ${ratio(dayEnd.ms, dayEnd.raw.ms)} | ≤ 90 s | ${verdict(dayEnd.ms <= DAY_END_TARGET_MS)} |`,
      `| events lost / duplicated on the server (ids compared) | ${dayEnd.server.lost} / ${dayEnd.server.duplicated} | – | – | – | 0 / 0 | ${verdict(dayEndCorrect(dayEnd))} |`,
      `| bytes on the wire per event (counted at the proxy, both ways) | ${int(dayEnd.wireBytesPerEvent)} B | canonical JSON of the event | ${int(dayEnd.canonicalBytesPerEvent)} B | ${ratio(dayEnd.wireBytesPerEvent, dayEnd.canonicalBytesPerEvent)} | – | – |`,
    );
  }
  for (const p of pushes) {
    const correct = pushCorrect(p);
    const open = p.openLoop;
    const latencies = (xs: readonly number[], digits = 0) => {
      const s = summarize(xs);
      const f = (x: number) => (digits === 0 ? int(x) : x.toFixed(digits));
      return `${f(s.p50)} / ${f(s.p95)} / ${f(p99(xs))} / ${f(s.max)} ms`;
    };
    lines.push(
      `| push throughput at saturation (closed loop), ${p.desks} desks at once (${p.batchesPerDesk} × ${p.batchSize} events each) | ${int(p.server.eventsPerSecond)} events/s | raw COPY of the same rows (PostgreSQL: pool of 10) | ${int(p.reference.eventsPerSecond)} events/s | ${ratio(p.server.eventsPerSecond, p.reference.eventsPerSecond)} | ≥ 3,000 events/s | ${verdict(p.server.eventsPerSecond >= EVENTS_PER_SECOND_TARGET && correct)} |`,
      `| push at ${offered(p)} (open loop, ${p.desks} desks, a batch of ${p.batchSize} from each every ${seconds(open.server.periodMs)}), events stored per second, first scheduled send to last answer (${seconds(open.server.wallMs)}) | ${int(open.server.eventsPerSecond)} events/s | raw COPY, same schedule | ${int(open.reference.eventsPerSecond)} events/s | ${ratio(open.server.eventsPerSecond, open.reference.eventsPerSecond)} | – | – |`,
      `| push latency p50 / p95 / p99 / max at ${offered(p)}, ${p.desks} desks (from the scheduled send, ${int(open.server.latencies.length)} pushes) | ${latencies(open.server.latencies)} | raw COPY of one batch, same schedule | ${latencies(open.reference.latencies, 1)} | ${ratio(p99(open.server.latencies), p99(open.reference.latencies))} (p99) | p99 ≤ 1,000 ms | ${verdict(p99(open.server.latencies) <= LATENCY_P99_TARGET_MS && correct)} |`,
      `| push latency p50 / p95 / p99 / max at saturation (closed loop: queueing), ${p.desks} desks | ${latencies(p.server.latencies)} | raw COPY of one batch, closed loop | ${latencies(p.reference.latencies, 1)} | ${ratio(p99(p.server.latencies), p99(p.reference.latencies))} (p99) | – (not the latency target) | – |`,
    );
  }
  return lines.join('\n');
}

function dayEndDetails(d: DayEndResult): string[] {
  const kinds = Object.entries(d.wire.byKind)
    .sort(([, a], [, b]) => b.up + b.down - (a.up + a.down))
    .map(([kind, bytes]) => `${kind} ${int(bytes.up / 1024)} KiB up / ${int(bytes.down / 1024)} KiB down`)
    .join(', ');
  const cycles = d.reports
    .map((r, i) => `cycle ${i + 1}: ${r.ok ? 'ok' : `stopped (${r.error ?? `${r.pendingAfter} waiting`})`}, ${r.sent} sent, ${r.received} received, ${r.rejected} rejected in ${seconds(r.finishedAt - r.startedAt)}`)
    .join('; ');
  return [
    `**Day-end sync.** ${int(d.dossiers)} dossiers received → transferred → accepted → resolved → returned (${int(d.events)} events built with \`createEvent\`), ` +
      `seeded into the desk store (\`createDeskStore\`, encrypted, on ${d.deskStorage === 'dexie' ? "RxDB's Dexie storage over fake-indexeddb" : "RxDB's memory storage"}) in ${seconds(d.seedMs)}; ` +
      `the real sync client (\`startDeskSync\`, live, the app's defaults) then the day-end cycle, against the server process behind tests/support/tcp-proxy.ts ` +
      `(in its own process; per connection and direction 125,000 B/s, and 150 ms added to each chunk in turn: the proxy delays chunks one after the other, so more, smaller chunks cost more). ` +
      `${d.cuts.length} cuts of every connection, each halfway through the first push body after the server had stored ${d.cuts.map((c) => `${Math.round(c.fraction * 100)}% of the events (${c.stored} stored, at ${seconds(c.atMs)})`).join(', ')}. ` +
      `Every event was on the server after ${d.allStoredAtMs === null ? '?' : seconds(d.allStoredAtMs)}; the rest is the desk reading its events back (stamped), re-projecting and the reference data. ${cycles}.`,
    `On the wire: ${int((d.wire.up + d.wire.down) / 1024)} KiB (${int(d.wire.up / 1024)} KiB up, ${int(d.wire.down / 1024)} KiB down): ${kinds}. ` +
      `One clean pass is ${d.cleanPass.pushBodies} push bodies of ${d.cleanPass.pushBatch} events (${int(d.cleanPass.pushBytes / 1024)} KiB gzipped, as the desk sends them) and ` +
      `${d.cleanPass.pullPages} pulled pages of ${d.cleanPass.pullBatch} (${int(d.cleanPass.pullBytes / 1024)} KiB gzipped; the desk's own events come back as stamps): ` +
      `the raw reference sends exactly these through an identical proxy in ${seconds(d.raw.ms)}.`,
    `Server after the sync: ${int(d.server.events)} events (${int(d.server.distinct)} distinct ids, ${d.server.lost} missing, ${d.server.unexpected} unexpected), ` +
      `${int(d.server.dossiers)} dossiers by status ${JSON.stringify(d.server.byStatus)}; desk: ${int(d.desk.events)} events, ${d.desk.pendingAfter} waiting, ${d.desk.rejected} refused.`,
  ];
}

function pushDetails(pushes: readonly PushResult[]): string[] {
  const first = pushes[0];
  if (!first) return [];
  const schedule = first.openLoop.schedule;
  return [
    `**Desks pushing at once.** Each desk is a commune's desk (own unit, officers and enrolled credential) sending its own dossiers' events in the client's ` +
      `push format (uncompressed JSON; the desk client gzips), one request at a time, against one server process (sync/server/main.ts, logging at info) on the database below. ` +
      `Two runs per level on the same server. *Saturation (closed loop):* all desks start together and each sends its next batch once the answer is in; this gives the ` +
      `maximum throughput, and its latencies are queueing: with every desk holding one request, latency ≈ desks × batch ÷ throughput (Little's law), ` +
      `since the server serialises the writes of push transactions (one advisory lock, DESIGN §6). *At load (open loop):* each desk sends a batch every ` +
      `desks × ${first.batchSize} ÷ ${int(schedule.eventsPerSecond)} s, the desks' start times spread evenly over one period, so together they offer ${int(schedule.eventsPerSecond)} events/s; ` +
      `${seconds(schedule.warmUpMs)} of warm-up, then the batches due in the next ${seconds(schedule.measureMs)} are measured, each from its scheduled send time to its answer ` +
      `(a batch due while its desk still waits for the previous answer counts its wait), so a server falling behind shows in full. The p99 target is judged on this run. ` +
      `The raw COPY reference runs both ways too.`,
    ...pushes.map(
      (p) =>
        `- ${p.desks} desks: saturation ${int(p.server.events)} events stored in ${seconds(p.server.wallMs)}; at load ${int(p.openLoop.server.events)} of ${int(p.openLoop.server.offeredEvents)} offered ` +
        `(${int(p.openLoop.server.batches)} pushes; the bench's timer ${int(p.openLoop.server.maxTimerLagMs)} ms late at most); ` +
        `${p.stored.lost} lost, ${p.stored.duplicated} duplicated of both runs; ` +
        `${p.server.failures.length + p.openLoop.server.failures.length} failed pushes${[...p.server.failures, ...p.openLoop.server.failures][0] ? ` (first: ${JSON.stringify([...p.server.failures, ...p.openLoop.server.failures][0])})` : ''}; ` +
        `${p.server.overClientTimeout} requests over the client's 30 s timeout; reference ${int(p.reference.events)} rows in ${seconds(p.reference.wallMs)} (closed loop), ` +
        `${int(p.openLoop.reference.events)} at load; set-up ${seconds(p.setupMs)}.`,
    ),
  ];
}

export function syncMarkdown(result: BenchResult, dayEnd: DayEndResult | null, pushes: readonly PushResult[], notes: readonly string[]): string {
  const missed = result.rows.filter((r) => r.pass === false).map((r) => r.label);
  return [
    `## Sync benchmark${result.smoke ? ' (smoke: tiny sizes, figures not judged)' : ''}`,
    '',
    `${result.startedAt}; ${machineLine(result.machine)}. Database: ${String(result.params.database)}. Took ${seconds(result.durationMs)}.`,
    '',
    headline(dayEnd, pushes),
    '',
    ...(dayEnd ? [...dayEndDetails(dayEnd), ''] : []),
    ...pushDetails(pushes),
    ...(notes.length > 0 ? ['', ...notes.map((note) => `Note: ${note}`)] : []),
    '',
    'As `npm run bench` gathers it (ms; throughput as ms per 1,000 events):',
    '',
    markdownTable(result.rows),
    '',
    missed.length > 0 ? `Targets missed: ${missed.join('; ')}.` : 'Every target met.',
    '',
  ].join('\n');
}
