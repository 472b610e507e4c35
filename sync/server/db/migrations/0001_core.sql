-- Units, officers, desks and one-time enrollment codes (DESIGN §7).
-- Statements end with a semicolon at the end of a line: the runner splits on that.

create table units (
  id text primary key,
  name text not null,
  level text not null check (level in ('province', 'district', 'commune', 'branch')),
  parent_id text references units (id),
  created_at timestamptz not null default now()
);

create table officers (
  id text primary key,
  unit_id text not null references units (id),
  username text not null,
  full_name text not null,
  role text not null check (role in ('reception', 'processing', 'leader', 'admin')),
  password_verifier text not null,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (unit_id, username)
);

-- A desk's id is '<agency id>#<slot>' (src/auth/desk-identity.ts), stable across reinstalls.
create table desks (
  id text primary key,
  unit_id text not null references units (id),
  slot smallint not null check (slot between 1 and 9),
  credential_hash text unique,
  enrolled_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz not null default now(),
  unique (unit_id, slot)
);

create table enrollment_codes (
  code_hash text primary key,
  desk_id text not null references desks (id),
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);
create index enrollment_codes_desk on enrollment_codes (desk_id);
