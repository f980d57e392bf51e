-- What metrics need of each touchpoint, replicated from the compacted voc.touchpoints topic (highest revision
-- wins). Roll-ups hold the touchpoint key only: product, journey stage and owner team are joined at query time,
-- so a breakdown shows the touchpoint's current attribution, also for responses given before it changed.
create sequence touchpoint_replica_stored_seq;
create table touchpoint_replica (
    id            uuid   primary key,
    key           text   not null,
    journey_stage text,
    product       text,
    owner_team    text,
    status        text   not null,
    revision      bigint not null,
    stored_seq    bigint not null default nextval('touchpoint_replica_stored_seq')
);
create index touchpoint_replica_key on touchpoint_replica (key);

-- One row per key: a key held by several ids (registered again after a registry was rebuilt) resolves to its
-- live, latest stored row, as in case-service.
create view touchpoint_attribution as
select distinct on (key) key, journey_stage, product, owner_team
from touchpoint_replica
order by key, status = 'RETIRED', stored_seq desc;
