-- The append-only event log (DESIGN §3) and what desks pull from it (DESIGN §6).

create table events (
  seq bigint generated always as identity primary key,
  id uuid not null unique,
  dossier_code text not null,
  type text not null,
  unit_id text not null references units (id),
  desk_id text not null references desks (id),
  officer_id text not null references officers (id),
  body jsonb not null,
  body_hash text not null,
  server_at timestamptz not null,
  clock_skew_flag boolean not null default false
);
create index events_dossier on events (dossier_code, seq);

-- Which units may see a dossier: the receiving unit and every unit it was transferred to.
create table dossier_units (
  dossier_code text not null,
  unit_id text not null references units (id),
  granted_at timestamptz not null default now(),
  primary key (dossier_code, unit_id)
);
create index dossier_units_unit on dossier_units (unit_id);

-- One row per event per unit that may see it, in the order the unit must receive them. A unit that
-- gains a dossier by transfer gets its whole history appended here, so a desk pulling by checkpoint
-- (feed_seq) receives the older events too.
create table unit_feed (
  feed_seq bigint generated always as identity primary key,
  unit_id text not null references units (id),
  event_seq bigint not null references events (seq),
  unique (unit_id, event_seq)
);
create index unit_feed_unit_seq on unit_feed (unit_id, feed_seq);

-- Server-side projection of each dossier, rebuilt in the push transaction.
create table dossiers (
  code text primary key,
  receiving_unit_id text not null references units (id),
  holder_unit_id text not null references units (id),
  status smallint not null,
  procedure_code text not null,
  received_at timestamptz not null,
  due_at timestamptz,
  finished_at timestamptz,
  returned_at timestamptz,
  state jsonb not null,
  last_event_seq bigint not null,
  updated_at timestamptz not null default now()
);
create index dossiers_holder_status on dossiers (holder_unit_id, status, due_at);
create index dossiers_receiving_received on dossiers (receiving_unit_id, received_at);
