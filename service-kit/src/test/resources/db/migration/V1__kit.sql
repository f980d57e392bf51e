-- The outbox table as every publishing service has it in its own migrations.
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

-- What the test consumer applies (idempotently, keyed by id) and the test writer stores.
create table kit_item (
    id      uuid primary key,
    name    varchar(20) not null,
    version bigint not null default 0
);
