-- Erasure (docs/security.md, "Privacy") anonymises a response: its customer reference becomes null. Dropping NOT
-- NULL only changes the catalogue, and older pods always write a reference.
alter table response alter column customer_ref drop not null;
