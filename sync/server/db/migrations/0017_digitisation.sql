-- Issue 22 point 6: the digitisation rates of the official report, counted in SQL like its figures.
-- `DossierState.papersDigitised` (every paper handed in has a current scan; src/dossier/digitised-papers.ts)
-- and `resultDigitised` become report columns, copied from the state by the projection.

alter table dossiers add column papers_digitised boolean not null default false;
alter table dossiers add column result_digitised boolean not null default false;

-- Rows projected before the flags: false is exact for a dossier without attachments. The others get
-- the rule of `digitisationFlags` over their current attachments and the papers of their RECEIVED
-- (the first in the projection's order of stored events: server time, then id).
update dossiers d set
  result_digitised = exists (select 1 from jsonb_array_elements(d.state->'attachments') a where a->>'role' = 'result'),
  papers_digitised = (
    select case
      when count(p.paper) = 0 then exists (select 1 from jsonb_array_elements(d.state->'attachments') a where a->>'role' = 'paper')
      else bool_and(p.paper->>'name' in (select a->>'paper' from jsonb_array_elements(d.state->'attachments') a where a->>'role' = 'paper'))
    end
    from (select r.body from events r where r.dossier_code = d.code and r.type = 'RECEIVED' order by r.server_at, r.id limit 1) received
    cross join lateral jsonb_array_elements(received.body->'payload'->'papers') p(paper)
    where coalesce((p.paper->>'presentedOnly')::boolean, false) = false
  )
where jsonb_typeof(d.state->'attachments') = 'array' and jsonb_array_length(d.state->'attachments') > 0;

update dossiers set state = state || jsonb_build_object('papersDigitised', papers_digitised, 'resultDigitised', result_digitised)
where jsonb_typeof(state->'attachments') = 'array' and jsonb_array_length(state->'attachments') > 0;

-- The report reads every column from this index (an index-only scan of the period's rows).
drop index dossiers_report;
create index dossiers_report on dossiers (received_at) include (
  finished_at, due_at, status, report_placeable, channel, supplement_request_count, extension_count,
  report_unit_id, receiving_unit_id, procedure_code, field, received_by_officer_id, papers_digitised, result_digitised
);
