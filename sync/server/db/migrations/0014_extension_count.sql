-- Issue 20: a dossier that needed an apology letter and a new appointment (EXTENDED) counts as late
-- in the official report when finished, like one with more than one supplement request. The report
-- counts in SQL, so the projection's number of extensions becomes a column of the report index.

alter table dossiers add column extension_count integer not null default 0;

update dossiers set extension_count = coalesce((state->>'extensionCount')::integer, 0)
where coalesce((state->>'extensionCount')::integer, 0) <> 0;

drop index dossiers_report;
create index dossiers_report on dossiers (received_at) include (
  finished_at, due_at, status, report_counted, report_placeable, channel, supplement_request_count, extension_count,
  receiving_unit_id, procedure_code, field, received_by_officer_id
);
