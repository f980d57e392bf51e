-- What business-hours SLAs count with, from voc.team.state.v1: working days and local hours in the team's zone,
-- holidays ([{"date", "name"}]) and the escalation ladder ([{"after", "recipients", "label"}]) with the contact it
-- falls back to. Text and jsonb as the registry sends them, parsed when a calendar is built: no value another
-- service sends can make the consumer fail. Rows stored before this migration have no hours until their team's
-- next state, and count wall-clock time meanwhile (docs/cases.md).
alter table team_replica
    add column escalation_contact text,
    add column working_days       text[],
    add column work_start         text,
    add column work_end           text,
    add column time_zone          text,
    add column holidays           jsonb not null default '[]',
    add column escalation_ladder  jsonb not null default '[]';
