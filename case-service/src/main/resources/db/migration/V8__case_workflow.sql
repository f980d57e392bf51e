-- Case work (docs/cases.md, "Working a case"). Expand-only, like V7.

-- RACI "informed" teams of each touchpoint (voc.touchpoint.state.v1 raci.informed): the opened event names them so
-- their subscribers hear of a case they do not work. Rows stored before this release have none until their next state.
alter table touchpoint_replica add column informed_teams text[] not null default '{}';

-- Round-robin assignment: the member of each team who got the last turn. The row is locked (select ... for update)
-- while the next turn is handed out, so two replicas never give the same turn; naming the member rather than an index
-- keeps the order right when the team's members change.
create table case_round_robin (
    team        text primary key,
    last_member text not null
);

-- Where the resolution clock counts from: the opening, or the last reopening (a reopened case gets its whole
-- resolution target again from then; docs/cases.md, "Reopen"). Null: from opened_at.
alter table customer_case add column resolution_clock_from timestamptz;

-- WAITING_ON_CUSTOMER is 19 characters; V1 sized the status for OPEN … IN_PROGRESS. Widening a varchar rewrites
-- nothing.
alter table customer_case alter column status type varchar(24);
