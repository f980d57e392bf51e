-- Touchpoints: the master data every other service is driven by. Keys are immutable slugs.
create table touchpoint (
    id            uuid primary key,
    key           varchar(80)  not null unique,
    name          varchar(200) not null,
    description   text,
    channel       varchar(32)  not null,
    journey_stage varchar(32)  not null,
    signal_kind   varchar(16)  not null,
    segments      varchar(60)[] not null default '{}',
    product       varchar(120),
    owner_team    varchar(80)  not null,
    status        varchar(16)  not null,
    version       bigint       not null,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null
);
create index touchpoint_owner_team on touchpoint (owner_team);
create index touchpoint_channel_stage on touchpoint (channel, journey_stage);
