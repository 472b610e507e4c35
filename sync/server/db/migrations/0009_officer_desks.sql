-- Who acted (issue 18 point 6). An officer logs in only on the desks of their unit they are allowed
-- on: 'all' (desks added later too), 'none', or a list of desk slots such as '1,3'
-- (sync/server/domain/officer-access.ts). Reception and processing officers keep every desk of
-- their unit; leaders and administrators, whose accounts can do most, get none until granted.
alter table officers add column desk_access text not null default 'all' check (desk_access ~ '^(all|none|[1-9](,[1-9])*)$');
update officers set desk_access = 'none' where role in ('leader', 'admin');

-- Officer documents no longer carry the password verifier: a desk gets a desk verifier at pull time,
-- only where the officer may log in (sync/server/repositories/reference-docs.ts). Each document is
-- sent again (a new sequence number), so desks replace what they hold. The body hash is left empty:
-- the next write of a document recomputes it. Sequence numbers are drawn under the reference
-- writers' lock (60603, db/locks.ts), as every reference write does.
select pg_advisory_xact_lock(60603);
update reference_docs r set
  body = (r.body - 'verifier') || jsonb_build_object('deskAccess', o.desk_access),
  body_hash = '',
  seq = nextval('reference_seq'),
  updated_at = now()
from officers o
where r.kind = 'officer' and o.id = r.key;
