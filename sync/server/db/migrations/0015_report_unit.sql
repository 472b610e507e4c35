-- Issue 21 point 6: a linked group's components are dossiers like any other, each counted once, in
-- the report of the unit competent for it (`reportUnitId`, src/dossier/projection.ts): the receiving
-- unit, or for a component the unit it was transferred to while still open. No member represents
-- the group any more (report_counted goes); the group has a line of its own, over the groups the
-- units reported on received (sync/server/reports/official-report.ts).

alter table dossiers add column report_unit_id text;

-- Rows projected before the field: the receiving unit, except a group component (its state has a
-- `group`) transferred while open: the unit of its last transfer ordered before its first finishing
-- event, in the projection's order of stored events (server time, then id), as projectDossier sets it.
update dossiers d set report_unit_id = coalesce(
  d.state->>'reportUnitId',
  case when jsonb_typeof(d.state->'group') = 'object' then (
    select t.body->'payload'->>'toUnitId' from events t
    where t.dossier_code = d.code and t.type = 'TRANSFERRED'
      and not exists (
        select 1 from events f
        where f.dossier_code = d.code and f.type in ('RESOLVED', 'WITHDRAWN', 'REFUSED', 'STOPPED')
          and (f.server_at, f.id) < (t.server_at, t.id)
      )
    order by t.server_at desc, t.id desc
    limit 1
  ) end,
  d.receiving_unit_id
);

alter table dossiers alter column report_unit_id set not null;

drop index dossiers_report;
alter table dossiers drop column report_counted;

-- The figures filter and group by report_unit_id; receiving_unit_id stays for the group line.
create index dossiers_report on dossiers (received_at) include (
  finished_at, due_at, status, report_placeable, channel, supplement_request_count, extension_count,
  report_unit_id, receiving_unit_id, procedure_code, field, received_by_officer_id
);

-- The group line reads every column it needs from this one: an index-only scan of the linked rows.
drop index dossiers_linked_group;
create index dossiers_linked_group on dossiers (linked_group_id) include (
  receiving_unit_id, received_at, due_at, status, finished_at, returned_at
) where linked_group_id is not null;
