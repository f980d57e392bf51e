-- Erasures of a customer's data (GDPR art. 17; docs/security.md, "Privacy"). customer_ref is kept only while the
-- erasure is pending, so a lost request can be sent again; once every service has reported, only customer_hash
-- (HMAC-SHA256 of the reference with voc.privacy.hash-secret) stays, which finds the erasure but does not name
-- the customer.
create table erasure (
    id            uuid        primary key,
    customer_ref  text,
    customer_hash text        not null,
    requested_at  timestamptz not null,
    requested_by  text        not null,
    completed_at  timestamptz
);
-- A second request for a customer whose erasure is pending joins it.
create index erasure_pending on erasure (customer_hash) where completed_at is null;

-- Each service's part of an erasure: pending until the service reports (counts: rows erased by kind).
create table erasure_service (
    erasure_id   uuid        not null references erasure (id),
    service      text        not null,
    counts       jsonb,
    completed_at timestamptz,
    primary key (erasure_id, service)
);

-- Opt-outs of erased customers: only the keyed hash of the reference stays, so the opt-out is still honoured.
create table opt_out_erased (
    customer_hash text        primary key,
    opted_out_at  timestamptz not null
);

-- Retention (voc.retention.decisions) deletes decisions by age. Built in this migration's transaction, so it holds
-- up decision writes while it builds: on a large table, build it CONCURRENTLY by hand first (docs/migrations.md),
-- and this statement finds it there.
create index if not exists distribution_decision_decided on distribution_decision (decided_at);
