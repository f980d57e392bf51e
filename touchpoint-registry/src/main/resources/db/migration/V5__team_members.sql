-- Case agents of a team, by Keycloak user name (lower case): case-service shows an agent only their teams' cases.
-- Expand-only: the previous release neither reads nor writes the column, and its teams read as without members.
alter table team add column members text[] not null default '{}';
