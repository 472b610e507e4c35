import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Schema } from '../db/schema.ts';

/**
 * Desk health: what each desk says about itself when it syncs (events waiting, oldest waiting,
 * its clock), kept one row per desk in `desk_health` (migration 0004).
 */
export const deskHealthReportSchema = z.strictObject({
  pendingEvents: z.number().int().min(0).max(10_000_000),
  // Year 0000 exists neither in the calendar nor in PostgreSQL: storing it failed (a 500).
  oldestPendingAt: z.iso
    .datetime({ offset: true })
    .refine((value) => !value.startsWith('0000'))
    .nullable(),
  /** The desk's clock when it sent the report. */
  deskTime: z.iso.datetime({ offset: true }),
});
export type DeskHealthReport = z.infer<typeof deskHealthReportSchema>;

export async function recordDeskHealth(db: Kysely<Schema>, deskId: string, report: DeskHealthReport, nowMs: number): Promise<void> {
  const offset = Date.parse(report.deskTime) - nowMs;
  await sql`insert into desk_health (desk_id, reported_at, pending_events, oldest_pending_at, clock_offset_ms)
    values (${deskId}, ${new Date(nowMs)}, ${report.pendingEvents}, ${report.oldestPendingAt}, ${offset})
    on conflict (desk_id) do update set reported_at = excluded.reported_at, pending_events = excluded.pending_events,
      oldest_pending_at = excluded.oldest_pending_at, clock_offset_ms = excluded.clock_offset_ms`.execute(db);
}

export interface DeskHealthRow {
  deskId: string;
  unitId: string;
  unitName: string;
  /** Last health report received with a sync; null when the desk never reported. */
  lastSyncAt: string | null;
  /** Last event this desk pushed (server time). */
  lastPushAt: string | null;
  pendingEvents: number | null;
  oldestPendingAgeMs: number | null;
  clockOffsetMs: number | null;
  silent: boolean;
  /** How many of this desk's events the server flagged for their time (sync/server/domain/event-dates.ts). */
  flaggedCount: number;
  /** The newest of them, at most FLAGGED_EVENTS_SHOWN, newest first. */
  flaggedEvents: FlaggedEvent[];
}

/** An event whose desk time the server found doubtful when it stored it. */
export interface FlaggedEvent {
  eventId: string;
  dossierCode: string;
  type: string;
  /** The time the desk wrote on it (`at`). */
  deskTime: string;
  /** When the server stored it. */
  serverTime: string;
  reasons: string[];
}

export const FLAGGED_EVENTS_SHOWN = 20;

/** Every enrolled, not revoked desk (of `unitIds`, or all), silent when not heard of for `silentAfterMs`. */
export async function listDeskHealth(db: Kysely<Schema>, nowMs: number, silentAfterMs: number, unitIds?: readonly string[]): Promise<DeskHealthRow[]> {
  const filter = unitIds === undefined ? sql`` : sql`and d.unit_id in (${sql.join(unitIds.length > 0 ? [...unitIds] : [''])})`;
  const { rows } = await sql<{
    desk_id: string; unit_id: string; unit_name: string; reported_at: Date | string | null; last_push: Date | string | null;
    pending_events: number | null; oldest_pending_at: Date | string | null; clock_offset_ms: string | number | null;
    flagged_count: string | number; flagged: unknown;
  }>`select d.id as desk_id, d.unit_id, u.name as unit_name, h.reported_at, h.pending_events, h.oldest_pending_at, h.clock_offset_ms,
      (select max(e.server_at) from events e where e.desk_id = d.id) as last_push,
      (select count(*) from events e where e.desk_id = d.id and e.clock_skew_flag) as flagged_count,
      (select coalesce(json_agg(json_build_object('eventId', f.id, 'dossierCode', f.dossier_code, 'type', f.type, 'deskTime', f.body->>'at',
          'serverTime', f.server_at, 'reasons', f.date_flags) order by f.seq desc), '[]'::json)
        from (select e.seq, e.id, e.dossier_code, e.type, e.body, e.server_at, e.date_flags from events e
          where e.desk_id = d.id and e.clock_skew_flag order by e.seq desc limit ${FLAGGED_EVENTS_SHOWN}) f) as flagged
    from desks d join units u on u.id = d.unit_id left join desk_health h on h.desk_id = d.id
    where d.enrolled_at is not null and d.revoked_at is null ${filter}
    order by u.name, d.id`.execute(db);
  return rows.map((row) => {
    const lastSyncMs = row.reported_at === null ? null : new Date(row.reported_at).getTime();
    const lastPushMs = row.last_push === null ? null : new Date(row.last_push).getTime();
    const heardMs = Math.max(lastSyncMs ?? -Infinity, lastPushMs ?? -Infinity);
    return {
      deskId: row.desk_id,
      unitId: row.unit_id,
      unitName: row.unit_name,
      lastSyncAt: lastSyncMs === null ? null : new Date(lastSyncMs).toISOString(),
      lastPushAt: lastPushMs === null ? null : new Date(lastPushMs).toISOString(),
      pendingEvents: row.pending_events,
      oldestPendingAgeMs: row.oldest_pending_at === null ? null : Math.max(0, nowMs - new Date(row.oldest_pending_at).getTime()),
      clockOffsetMs: row.clock_offset_ms === null ? null : Number(row.clock_offset_ms),
      silent: !Number.isFinite(heardMs) || nowMs - heardMs > silentAfterMs,
      flaggedCount: Number(row.flagged_count),
      flaggedEvents: flaggedOf(row.flagged),
    };
  });
}

function flaggedOf(value: unknown): FlaggedEvent[] {
  const list = (typeof value === 'string' ? JSON.parse(value) : value) as Array<Omit<FlaggedEvent, 'serverTime'> & { serverTime: string }>;
  return list.map((event) => ({ ...event, serverTime: new Date(event.serverTime).toISOString() }));
}
