/**
 * The two ways the push scenario loads a server (or its raw reference) with simulated desks.
 *
 * - Closed loop (saturation): every desk sends its next batch as soon as the previous answer is in.
 *   It finds the maximum throughput; its latencies are mostly queueing (Little's law).
 * - Open loop (at a stated load): every desk sends on a fixed schedule, whatever the server does,
 *   and each latency runs from the batch's *scheduled* send time to its answer, so a server that
 *   falls behind shows it in full (no "coordinated omission", as wrk2 measures).
 */

/** Sends one batch from one desk; resolves with the events stored (0 when the push failed). */
export type SendBatch<T> = (desk: number, batch: T) => Promise<number>;

export interface ClosedLoopRun {
  wallMs: number;
  events: number;
  eventsPerSecond: number;
  /** One per request (push) or statement (reference), ms. */
  latencies: number[];
}

/** Every desk sends its batches one after the other; all desks at once. */
export async function closedLoop<T>(perDesk: readonly (readonly T[])[], send: SendBatch<T>): Promise<ClosedLoopRun> {
  const latencies: number[] = [];
  let events = 0;
  const started = performance.now();
  await Promise.all(
    perDesk.map(async (batches, desk) => {
      for (const batch of batches) {
        const before = performance.now();
        const stored = await send(desk, batch);
        latencies.push(performance.now() - before);
        events += stored;
      }
    }),
  );
  const wallMs = performance.now() - started;
  return { wallMs, events, eventsPerSecond: (events * 1000) / wallMs, latencies };
}

export interface OpenLoopSchedule {
  /** Aggregate load offered by all desks together. */
  eventsPerSecond: number;
  /** Events per batch (every batch is full). */
  batchSize: number;
  /** Sent on schedule but left out of the figures. */
  warmUpMs: number;
  /** Batches scheduled in this window after the warm-up are measured. */
  measureMs: number;
}

export interface OpenLoopRun {
  /** How often each desk sends: desks × batch ÷ load. */
  periodMs: number;
  /** Batches scheduled in the measured window, the events they carried and the events they stored. */
  batches: number;
  offeredEvents: number;
  events: number;
  /**
   * Every event stored (warm-up included) over the time from the first scheduled send to the last
   * answer: the offered load when the server keeps up, what it managed when it does not.
   */
  eventsPerSecond: number;
  wallMs: number;
  /** From each measured batch's scheduled send time to its answer, ms. */
  latencies: number[];
  /** How late the bench's own timer sent a measured batch its desk was free to send, ms (0 when the bench kept to the schedule). */
  maxTimerLagMs: number;
  /** Batches each desk sent (warm-up included): the first ones of its list. */
  sentPerDesk: number[];
}

/** Batches each desk needs for the whole schedule (warm-up and measured window). */
export function openLoopBatchesPerDesk(desks: number, schedule: OpenLoopSchedule): number {
  return Math.ceil((schedule.warmUpMs + schedule.measureMs) / periodOf(desks, schedule));
}

function periodOf(desks: number, schedule: OpenLoopSchedule): number {
  return (desks * schedule.batchSize * 1000) / schedule.eventsPerSecond;
}

/**
 * Desk `d` sends its `k`-th batch at `start + k × period + d × period ÷ desks`: the desks' start
 * times spread evenly over one period, so together they send one batch every `batch ÷ load`
 * seconds. Like the desk client, a desk holds one request at a time: a batch due while the previous
 * one is unanswered goes when it is answered, and its latency still counts from its due time.
 */
export async function openLoop<T>(perDesk: readonly (readonly T[])[], schedule: OpenLoopSchedule, send: SendBatch<T>): Promise<OpenLoopRun> {
  const desks = perDesk.length;
  const periodMs = periodOf(desks, schedule);
  const start = performance.now() + 100;
  const windowStart = start + schedule.warmUpMs;
  const windowEnd = windowStart + schedule.measureMs;
  const latencies: number[] = [];
  let batches = 0;
  let events = 0;
  let allEvents = 0;
  let lastAnswer = start;
  let maxTimerLagMs = 0;
  const sentPerDesk = perDesk.map(() => 0);
  await Promise.all(
    perDesk.map(async (deskBatches, desk) => {
      for (const [k, batch] of deskBatches.entries()) {
        const due = start + k * periodMs + (desk * periodMs) / desks;
        if (due >= windowEnd) return;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const sentAt = performance.now();
        sentPerDesk[desk] = k + 1;
        const stored = await send(desk, batch);
        const answeredAt = performance.now();
        allEvents += stored;
        lastAnswer = Math.max(lastAnswer, answeredAt);
        if (due < windowStart) continue;
        batches += 1;
        events += stored;
        latencies.push(answeredAt - due);
        if (wait > 0) maxTimerLagMs = Math.max(maxTimerLagMs, sentAt - due);
      }
      if (start + deskBatches.length * periodMs + (desk * periodMs) / desks < windowEnd) {
        throw new Error(`desk ${desk} ran out of batches before the end of the open loop`);
      }
    }),
  );
  const wallMs = lastAnswer - start;
  return {
    periodMs,
    batches,
    offeredEvents: batches * schedule.batchSize,
    events,
    eventsPerSecond: (allEvents * 1000) / wallMs,
    wallMs,
    latencies,
    maxTimerLagMs,
    sentPerDesk,
  };
}
