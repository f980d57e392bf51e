-- One invitation, one response: the writer's "insert ... on conflict do nothing" skips a second response to the same
-- invitation and answers it 409. CONCURRENTLY keeps responses flowing while the index is built on a large table
-- (Flyway runs this statement outside a transaction); a failed build leaves an INVALID index to drop by hand.
create unique index concurrently if not exists response_invitation on response (invitation_id)
    where invitation_id is not null;
