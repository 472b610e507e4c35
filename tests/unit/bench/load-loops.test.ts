import { describe, expect, it } from 'vitest';
import { closedLoop, openLoop, openLoopBatchesPerDesk } from '../../bench/sync/load-loops.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A server that answers one batch at a time, each after `serviceMs`. */
function serialServer(serviceMs: number) {
  let queue = Promise.resolve();
  return (_desk: number, batch: number) => {
    const answer = queue.then(() => sleep(serviceMs)).then(() => batch);
    queue = answer.then(() => undefined);
    return answer;
  };
}

// 4 desks, batches of 10 events, 400 events/s offered: each desk every 100 ms, one batch every 25 ms in all.
const schedule = { eventsPerSecond: 400, batchSize: 10, warmUpMs: 100, measureMs: 400 };
const batchesFor = (desks: number) => Array.from({ length: desks }, () => Array.from({ length: openLoopBatchesPerDesk(desks, schedule) }, () => 10));

describe('open loop (latency at a stated load)', () => {
  it('offers the load on schedule: one batch per slot, latencies close to the service time', async () => {
    const run = await openLoop(batchesFor(4), schedule, serialServer(2));
    expect(run.periodMs).toBe(100);
    expect(run.batches).toBe(16);
    expect(run.offeredEvents).toBe(160);
    expect(run.events).toBe(160);
    expect(Math.max(...run.latencies)).toBeLessThan(150);
  });

  it('counts each latency from the scheduled send, so a server falling behind shows in full', async () => {
    // 40 ms a batch against a batch due every 25 ms: the queue grows through the window.
    const run = await openLoop(batchesFor(4), schedule, serialServer(40));
    const sorted = [...run.latencies].sort((a, b) => a - b);
    expect(sorted[sorted.length - 1]).toBeGreaterThan(200);
    expect(run.eventsPerSecond).toBeLessThan(300);
  });
});

describe('closed loop (saturation)', () => {
  it('sends each desk its next batch once answered: throughput is the server capacity, latency the queue', async () => {
    const run = await closedLoop([[10, 10, 10], [10, 10, 10]], serialServer(20));
    expect(run.events).toBe(60);
    expect(run.eventsPerSecond).toBeGreaterThan(150);
    expect(run.eventsPerSecond).toBeLessThan(520);
    // Two desks each holding one request: every answer waits for the other desk's batch too.
    expect(Math.min(...run.latencies.slice(2))).toBeGreaterThan(30);
  });
});
