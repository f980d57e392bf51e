-- "You said, we did" (docs/improvement.md): each part of a verified improvement action is announced once; the row
-- is what makes a redelivered voc.action.verified.v1 publish nothing twice, and records how many customers were told
-- and how many were left out (opted out or erased).
create table action_announcement (
    action_id    uuid        not null,
    verified_at  timestamptz not null,
    part         int         not null,
    parts        int         not null,
    announced    int         not null,
    excluded     int         not null,
    announced_at timestamptz not null,
    primary key (action_id, verified_at, part)
);

-- Announcements leave out erased customers, found by the hash an erasure keeps: every erasure, not only the pending
-- ones of erasure_pending. The table holds one row per erasure, so a plain build is short.
create index if not exists erasure_customer on erasure (customer_hash);
