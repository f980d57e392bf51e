-- The invitation a response answers (null for uninvited responses: server-to-server, bulk import). Expand-only: a
-- nullable column, so older pods keep inserting without it. Its unique index is V6, built concurrently.
alter table response add column invitation_id uuid;
