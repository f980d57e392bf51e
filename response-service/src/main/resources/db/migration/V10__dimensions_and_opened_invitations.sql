-- The dimensions of the interaction behind a response (issue 11): nullable, since responses stored before them and
-- uninvited responses without them have none; adding nullable columns only changes the catalogue.
alter table response
    add column segment text,
    add column employee_ref text,
    add column process_ref text;

-- The first view of each invitation (the response-rate funnel's "opened" step): one row per invitation, inserted
-- with ON CONFLICT DO NOTHING in the transaction that writes voc.invitation.opened.v1, so only the first view
-- publishes. Deleted by retention once the invitation has expired (voc.retention.opened-invitations).
create table opened_invitation (
    invitation_id uuid primary key,
    via           text        not null,
    opened_at     timestamptz not null
);
create index opened_invitation_opened_at on opened_invitation (opened_at);
