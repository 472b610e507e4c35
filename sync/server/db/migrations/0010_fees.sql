-- Fees and receipts (issue 20 point 4).
-- The unit's bank account for fees paid by transfer or VietQR: set by the administrator
-- (`unit set-account`) and sent to desks with the unit's reference document.
alter table units add column bank_bin text check (bank_bin ~ '^[0-9]{6}$');
alter table units add column bank_account_number text;
alter table units add column bank_account_name text;

-- Every fee receipt number a unit has used, issued or voided while only reserved: a number is
-- used once per unit (the desks' series are partitioned by desk slot, so a second use is a bug or
-- a forgery and is refused with 409). Rows are written with the fee events, in the same transaction.
create table fee_receipts (
  unit_id text not null references units (id),
  symbol text not null,
  number integer not null check (number between 1 and 9999999),
  dossier_code text not null,
  event_id text not null,
  primary key (unit_id, symbol, number)
);
