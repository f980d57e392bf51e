-- Transactional outbox (as every publishing service has it): case-service now publishes its erasure reports on
-- voc.erasure-reports (docs/security.md, "Privacy"). The relay stays idle while the table is empty.
create table outbox_event (
    id          uuid primary key,
    topic       varchar(120) not null,
    record_key  varchar(200) not null,
    type        varchar(120) not null,
    payload     jsonb        not null,
    created_at  timestamptz  not null,
    attempts    int          not null default 0,
    last_error  text,
    parked_at   timestamptz
);
create index outbox_event_created on outbox_event (created_at);
create index outbox_event_pending on outbox_event (created_at) where parked_at is null;

-- An erasure finds every case of a customer. Built in this migration's transaction (cases are one per detractor
-- response, far fewer than responses); on a large table build it CONCURRENTLY by hand first (docs/migrations.md).
create index if not exists customer_case_customer on customer_case (customer_ref) where customer_ref is not null;
