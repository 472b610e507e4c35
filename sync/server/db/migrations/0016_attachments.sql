-- Issue 22: scanned papers uploaded by desks (tus, routes/uploads.ts), kept once per content.
-- A blob is recorded only after its SHA-256 was checked against the name it was declared under.
create table attachment_blobs (
  hash text primary key check (hash ~ '^[0-9a-f]{64}$'),
  size integer not null check (size >= 0),
  media_type text not null,
  stored_at timestamptz not null default now()
);

-- Every download by a desk: who read which paper of which dossier, and when.
create table attachment_downloads (
  id bigint generated always as identity primary key,
  hash text not null references attachment_blobs (hash),
  dossier_code text not null,
  desk_id text not null references desks (id),
  unit_id text not null references units (id),
  at timestamptz not null default now()
);
create index attachment_downloads_dossier on attachment_downloads (dossier_code, at);
