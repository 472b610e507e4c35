-- A push's write statement (sync/server/repositories/event-batch.ts) checks in itself that each new
-- event's unit, desk and officer exist and that each feed row's unit and event exist. As foreign
-- keys, each of those was a query and a row lock per row, about half of the time the event writers'
-- lock was held. The other half of a foreign key, that a referenced row cannot go away, holds because
-- none of these rows ever goes away: units, desks and officers are retired by flags, never deleted,
-- and the event log is append-only (DESIGN §3). These triggers make that a rule of the database.
alter table events drop constraint events_unit_id_fkey;
alter table events drop constraint events_desk_id_fkey;
alter table events drop constraint events_officer_id_fkey;
alter table unit_feed drop constraint unit_feed_unit_id_fkey;
alter table unit_feed drop constraint unit_feed_event_seq_fkey;

create function refuse_change() returns trigger language plpgsql as $$ begin raise exception '%: %', tg_table_name, tg_argv[0] using errcode = 'restrict_violation'; end $$;

create trigger units_kept before delete or truncate or update of id on units
  for each statement execute function refuse_change('a unit is never deleted or renumbered, events refer to it');
create trigger desks_kept before delete or truncate or update of id on desks
  for each statement execute function refuse_change('a desk is never deleted or renumbered, events refer to it');
create trigger officers_kept before delete or truncate or update of id on officers
  for each statement execute function refuse_change('an officer is never deleted or renumbered, events refer to them');
create trigger events_append_only before delete or truncate or update on events
  for each statement execute function refuse_change('the event log is append-only');
