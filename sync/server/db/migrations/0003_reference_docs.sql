-- Reference data replicated to desks: catalogue, calendar years, units, officers.
-- unit_id null: every desk receives the document; otherwise only that unit's desks.

create table reference_docs (
  kind text not null check (kind in ('catalogue', 'calendar', 'unit', 'officer')),
  key text not null,
  unit_id text references units (id),
  body jsonb not null,
  body_hash text not null,
  deleted boolean not null default false,
  seq bigint not null,
  updated_at timestamptz not null default now(),
  primary key (kind, key)
);
create unique index reference_docs_seq on reference_docs (seq);

create sequence reference_seq;
