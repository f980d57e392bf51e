-- Transactional outbox: written in the same transaction as the state change, relayed to Kafka, then deleted.
create table outbox_event (
    id          uuid primary key,
    topic       varchar(120) not null,
    record_key  varchar(200) not null,
    type        varchar(120) not null,
    payload     jsonb        not null,
    created_at  timestamptz  not null,
    attempts    int          not null default 0,
    last_error  text
);
create index outbox_event_created on outbox_event (created_at);
