-- A touchpoint key registered again under a new id (a rebuilt or restored registry) is a second replica row, not a
-- conflict that stops the consumer: routing resolves a key to its live, most recently stored state, as
-- survey-service's replica does. stored_seq orders the stores (also within one multi-row statement, where now() is
-- the same for every row). Expand-only: the previous release never relied on the unique key.
alter table touchpoint_replica drop constraint if exists touchpoint_replica_key_key;
create sequence touchpoint_replica_stored_seq;
alter table touchpoint_replica add column stored_seq bigint not null default nextval('touchpoint_replica_stored_seq');
create index touchpoint_replica_key on touchpoint_replica (key);
