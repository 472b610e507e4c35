-- The official report is counted in SQL (issue 7): the dossier fields it groups and counts by
-- become columns of the projection, written by saveProjection (sync/server/reports/report-projection.ts).

alter table dossiers add column channel text not null default 'in-person';
alter table dossiers add column field text not null default '';
alter table dossiers add column procedure_name text not null default '';
alter table dossiers add column received_by_officer_id text not null default '';
alter table dossiers add column supplement_request_count integer not null default 0;
alter table dossiers add column linked_group_id text;
-- Whether the report can place the dossier in time, as src/reports/report-dossiers.ts decides: a
-- due date, and a finishing time exactly when the status is refused, withdrawn, stopped, resolved
-- or returned (3, 7, 8, 9, 10). The others are listed beside the report, never counted.
alter table dossiers add column report_placeable boolean generated always as (
  due_at is not null and (status in (3, 7, 8, 9, 10)) = (finished_at is not null)
) stored;
-- False when a member of the same linked group that the report can place was received before it
-- (ties: the smaller code): the group is one request of the citizen and only its first member
-- counts (src/reports/linked-groups.ts).
alter table dossiers add column report_counted boolean not null default true;

update dossiers set
  channel = coalesce(state->>'channel', 'in-person'),
  field = coalesce(state->>'field', ''),
  procedure_name = coalesce(state->>'procedureName', ''),
  received_by_officer_id = coalesce(state->>'receivedByOfficerId', ''),
  supplement_request_count = coalesce((state->>'supplementRequestCount')::integer, 0),
  linked_group_id = state->>'linkedGroupId';

create index dossiers_linked_group on dossiers (linked_group_id) where linked_group_id is not null;

update dossiers d set report_counted = not exists (
  select 1 from dossiers o
  where o.linked_group_id = d.linked_group_id
    and o.report_placeable
    and (o.received_at < d.received_at or (o.received_at = d.received_at and o.code collate "C" < d.code collate "C"))
)
where d.linked_group_id is not null;

-- The period filter: received within the period, or received before it and still open at its
-- start (open now, or finished at or after the start). dossiers_report carries every column the
-- report reads, so a year of a province is an index-only scan, not a read of the wide rows (state).
create index dossiers_report on dossiers (received_at) include (
  finished_at, due_at, status, report_counted, report_placeable, channel, supplement_request_count,
  receiving_unit_id, procedure_code, field, received_by_officer_id
);
create index dossiers_finished_received on dossiers (finished_at, received_at) where finished_at is not null;
create index dossiers_open_received on dossiers (received_at) where finished_at is null;
-- Dossiers the report cannot place, listed beside it: normally none, so this index stays tiny.
create index dossiers_unplaceable on dossiers (received_at) where not report_placeable;
