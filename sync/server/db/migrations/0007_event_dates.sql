-- Dates (issue 18): the server judges the times a desk writes on its events against its own clock
-- and the desk's first enrolment (sync/server/domain/event-dates.ts).

-- A re-enrolment (reinstall, lost credential) replaces the credential and enrolled_at, never this:
-- the events the desk made under its earlier credential must not look older than the desk. Desks
-- enrolled before this migration take their first spent enrolment code.
alter table desks add column first_enrolled_at timestamptz;
update desks d set first_enrolled_at = least(d.enrolled_at, (select min(c.used_at) from enrollment_codes c where c.desk_id = d.id))
  where d.enrolled_at is not null;

-- Why an event's desk time is doubtful, judged when it was stored: 'desk_clock', 'ahead',
-- 'before_enrolment'. clock_skew_flag stays true exactly when there is a reason.
alter table events add column date_flags text[] not null default '{}';

-- Events stored before this migration are judged once by the same rules (the desk's clock when it
-- sent them was not kept: a flagged event that is not ahead was flagged for it). Only these two
-- server columns change, never an event's body: the append-only trigger is lifted for this
-- statement alone.
alter table events disable trigger events_append_only;
update events e set clock_skew_flag = true, date_flags = array_remove(array[
    case when e.clock_skew_flag and (e.body->>'at')::timestamptz <= e.server_at + interval '10 minutes' then 'desk_clock' end,
    case when (e.body->>'at')::timestamptz > e.server_at + interval '10 minutes' then 'ahead' end,
    case when (e.body->>'at')::timestamptz < d.first_enrolled_at - interval '10 minutes' then 'before_enrolment' end
  ], null)
  from desks d
  where d.id = e.desk_id
    and (e.clock_skew_flag
      or (e.body->>'at')::timestamptz > e.server_at + interval '10 minutes'
      or (e.body->>'at')::timestamptz < d.first_enrolled_at - interval '10 minutes');
alter table events enable trigger events_append_only;

-- The dashboard lists each desk's flagged events, newest first.
create index events_date_flagged on events (desk_id, seq) where clock_skew_flag;
