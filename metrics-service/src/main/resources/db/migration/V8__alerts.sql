-- Transactional outbox (as every publishing service has it): metrics-service publishes its alerts on voc.alerts.
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

-- What an analyst watches: a metric under filters, its last `window_hours` against the `baseline_hours` before
-- it. last_window_to is the end of the last window evaluated, so every replica evaluates a window once.
create table alert_rule (
    id              uuid         primary key,
    name            varchar(200) not null,
    metric          varchar(40)  not null,
    question        varchar(80),
    filters         jsonb        not null,
    window_hours    int          not null,
    baseline_hours  int          not null,
    min_sample      int          not null,
    alpha           double precision,
    min_change      double precision,
    enabled         boolean      not null,
    revision        bigint       not null,
    created_by      varchar(200) not null,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    last_window_to  timestamptz
);

-- Fired alerts, kept after their rule is deleted (rule_name and the rule's question are copied). At most one open
-- alert per rule, and one alert per rule revision and window: the two guards against alert storms (a changed rule
-- asks a new question, which may fire in the window its old form fired in).
create table alert (
    id             uuid         primary key,
    rule_id        uuid         not null,
    rule_name      varchar(200) not null,
    rule_revision  bigint       not null,
    metric         varchar(40)  not null,
    question       varchar(80),
    filters        jsonb        not null,
    state          varchar(20)  not null,
    window_from    timestamptz  not null,
    window_to      timestamptz  not null,
    baseline_from  timestamptz  not null,
    baseline_to    timestamptz  not null,
    current_n      bigint       not null,
    current_value  double precision,
    baseline_n     bigint       not null,
    baseline_value double precision,
    difference     double precision,
    p_value        double precision,
    fired_at       timestamptz  not null,
    last_seen_to   timestamptz  not null,
    resolved_at    timestamptz,
    resolution     varchar(200),
    unique (rule_id, rule_revision, window_to)
);
create unique index alert_open_per_rule on alert (rule_id) where state = 'OPEN';
create index alert_fired on alert (fired_at desc, id desc);
