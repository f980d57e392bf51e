-- Local replica of touchpoint-registry's compacted voc.teams topic: who the agents of each team are, so an agent is
-- shown only their teams' cases. As with touchpoints, a key registered again under a new id (a rebuilt registry) is
-- a second row, and a key resolves to its most recently stored state (stored_seq). Text columns: no value another
-- service sends can make the consumer fail.
create sequence team_replica_stored_seq;
create table team_replica (
    id         uuid   primary key,
    key        text   not null,
    members    text[] not null,
    revision   bigint not null,
    stored_seq bigint not null default nextval('team_replica_stored_seq')
);
create index team_replica_key on team_replica (key);
-- "Which teams name this user" is asked on every agent's request.
create index team_replica_members on team_replica using gin (members);
