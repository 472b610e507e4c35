-- The kind of body a unit is (issue 20 point 7): its printed forms' header names it ("ỦY BAN NHÂN
-- DÂN", "CÔNG AN", "BẢO HIỂM XÃ HỘI", "BAN CHỈ HUY QUÂN SỰ"), and the governing body printed above
-- it where the form has one. Null kind: taken from the unit's name where it starts with its kind
-- ("UBND …", "Công an …"), else a people's committee (src/units/unit-kind.ts) — how every unit was
-- printed before. Set with `unit add/update --kind`.
alter table units add column kind text
  check (kind in ('people-committee', 'police', 'social-insurance', 'military-command', 'other'));
alter table units add column governing_body text check (governing_body is null or length(governing_body) between 1 and 200);
