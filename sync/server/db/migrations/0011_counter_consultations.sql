-- Counter consultations (issue 20 point 1): citizens guided to supplement their papers (form 02) or
-- refused at the counter (form 03) without a dossier being received. Their own table, never in
-- `events` or `dossiers`: they are no dossier and count in their own line of the official report.
-- The body is the record as the desk signed it (src/counter/consultation.ts), without server time;
-- the columns beside it are what the report and the checks read.
create table counter_consultations (
  id text primary key,
  unit_id text not null references units(id),
  desk_id text not null references desks(id),
  officer_id text not null references officers(id),
  outcome text not null check (outcome in ('guided', 'refused')),
  procedure_code text not null,
  at timestamptz not null,
  body jsonb not null,
  body_hash text not null,
  server_at timestamptz not null
);

create index counter_consultations_unit_at on counter_consultations (unit_id, at);
