import type { DossierPlan } from '../../support/report-dataset.ts';

/**
 * The official figures computed from the generator's plan, written from domain.md alone (report
 * groups, deadlines, linked dossiers) and NOT by calling src/reports: the oracle of the tests.
 * Every member of a linked pair is a dossier of its own, counted once (the data set's pairs are
 * never transferred as group components, so each counts at the unit that received it).
 */
export interface ExpectedFigures {
  carriedOver: number;
  received: { total: number; inPerson: number; online: number; post: number };
  finished: { total: number; early: number; onTime: number; late: number };
  inProcessing: { total: number; notDue: number; overdue: number };
  paused: number;
  refused: number;
  withdrawn: number;
  onTimeRate: number | null;
}

const VN_OFFSET = 7 * 3_600_000;
const vnDay = (ms: number) => Math.floor((ms + VN_OFFSET) / 86_400_000);
/** The period's Vietnam dates, inclusive, as the instants [start of `from`, end of `to`). */
const periodMs = (from: string, to: string) => ({
  startMs: Date.parse(`${from}T00:00:00+07:00`),
  endMs: Date.parse(`${to}T00:00:00+07:00`) + 86_400_000,
});

export function emptyFigures(): ExpectedFigures {
  return {
    carriedOver: 0,
    received: { total: 0, inPerson: 0, online: 0, post: 0 },
    finished: { total: 0, early: 0, onTime: 0, late: 0 },
    inProcessing: { total: 0, notDue: 0, overdue: 0 },
    paused: 0,
    refused: 0,
    withdrawn: 0,
    onTimeRate: null,
  };
}

/** Period as Vietnam dates 'YYYY-MM-DD' (inclusive), open dossiers judged at `asOfMs`. */
export function expectedFigures(plans: readonly DossierPlan[], from: string, to: string, asOfMs: number): ExpectedFigures {
  const { startMs, endMs } = periodMs(from, to);
  const f = emptyFigures();
  for (const p of plans) {
    if (p.receivedMs >= endMs) continue;
    if (p.finishedMs !== null && p.finishedMs < startMs) continue;
    if (p.receivedMs < startMs) f.carriedOver += 1;
    else {
      f.received.total += 1;
      if (p.channel === 'in-person') f.received.inPerson += 1;
      if (p.channel === 'online') f.received.online += 1;
      if (p.channel === 'post') f.received.post += 1;
    }
    const finishedInside = p.finishedMs !== null && p.finishedMs < endMs;
    if (finishedInside && p.outcome === 'refused') f.refused += 1;
    else if (finishedInside && p.outcome === 'stopped') f.paused += 1;
    else if (finishedInside && p.outcome === 'withdrawn') {
      f.finished.total += 1;
      f.finished.onTime += 1;
      f.withdrawn += 1;
    } else if (finishedInside) {
      f.finished.total += 1;
      const finishedDay = vnDay(p.finishedMs as number);
      const dueDay = vnDay(p.dueMs);
      if (p.supplements > 1 || p.extensions > 0 || finishedDay > dueDay) f.finished.late += 1;
      else if (finishedDay === dueDay) f.finished.onTime += 1;
      else f.finished.early += 1;
    } else if (p.finishedMs === null && (p.outcome === 'supplement' || p.outcome === 'financial')) {
      f.paused += 1;
    } else {
      f.inProcessing.total += 1;
      if (p.dueMs < asOfMs) f.inProcessing.overdue += 1;
      else f.inProcessing.notDue += 1;
    }
  }
  const good = f.finished.early + f.finished.onTime;
  f.onTimeRate = f.finished.total === 0 ? null : Math.round((1000 * good) / f.finished.total) / 10;
  return f;
}

export interface ExpectedGroupLine {
  received: number;
  returned: number;
  returnedOnTime: number;
}

/**
 * The linked group line over the groups of `plans` (the members received by the units reported
 * on): received when the first member was received in the period; returned when every member was
 * handed to the citizen (or refused, withdrawn, stopped: done when it finished) and the last of
 * them in the period; on time when that day is not after the latest due day of the members.
 */
export function expectedGroupLine(plans: readonly DossierPlan[], from: string, to: string): ExpectedGroupLine {
  const { startMs, endMs } = periodMs(from, to);
  const inside = (ms: number) => ms >= startMs && ms < endMs;
  const groups = new Map<string, DossierPlan[]>();
  for (const p of plans) if (p.linkedGroupId !== null) groups.set(p.linkedGroupId, [...(groups.get(p.linkedGroupId) ?? []), p]);
  const line: ExpectedGroupLine = { received: 0, returned: 0, returnedOnTime: 0 };
  for (const members of groups.values()) {
    if (inside(Math.min(...members.map((p) => p.receivedMs)))) line.received += 1;
    const done = members.map((p) => p.returnedMs ?? (['refused', 'withdrawn', 'stopped'].includes(p.outcome) ? p.finishedMs : null));
    if (done.some((ms) => ms === null)) continue;
    const last = Math.max(...(done as number[]));
    if (!inside(last)) continue;
    line.returned += 1;
    if (vnDay(last) <= vnDay(Math.max(...members.map((p) => p.dueMs)))) line.returnedOnTime += 1;
  }
  return line;
}

export interface ExpectedDigitisation {
  received: number;
  papersDigitised: number;
  resolved: number;
  resultsDigitised: number;
}

/**
 * The digitisation counts of `plans`: the dossiers received in the period and, of them, those with
 * every paper handed in scanned; the dossiers resolved in the period (a result issued: not refused,
 * withdrawn or stopped) and, of them, those with their result scanned.
 */
export function expectedDigitisation(plans: readonly DossierPlan[], from: string, to: string): ExpectedDigitisation {
  const { startMs, endMs } = periodMs(from, to);
  const inside = (ms: number | null) => ms !== null && ms >= startMs && ms < endMs;
  const received = plans.filter((p) => inside(p.receivedMs));
  const resolved = plans.filter((p) => p.outcome === 'resolved' && inside(p.finishedMs));
  return {
    received: received.length,
    papersDigitised: received.filter((p) => p.papersScanned).length,
    resolved: resolved.length,
    resultsDigitised: resolved.filter((p) => p.resultScanned).length,
  };
}
