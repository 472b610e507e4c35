-- Desk health: what each desk says about itself when it syncs, one row per desk.
-- "if not exists": servers before this migration created the table on start-up.
create table if not exists desk_health (
  desk_id text primary key references desks (id),
  reported_at timestamptz not null,
  pending_events integer not null,
  oldest_pending_at timestamptz,
  clock_offset_ms bigint
);
