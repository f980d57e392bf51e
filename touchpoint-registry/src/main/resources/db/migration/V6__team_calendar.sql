-- A team's holidays ([{"date": "2027-01-01", "name": "New Year"}], local dates in its time zone) and its escalation
-- ladder ([{"after": "PT2H", "recipients": ["lead.cards"], "label": "team lead"}]) for business-hours case SLAs.
-- Expand-only: the previous release neither reads nor writes the columns, and its teams read as having neither.
alter table team
    add column holidays          jsonb not null default '[]',
    add column escalation_ladder jsonb not null default '[]';
