-- What survey-service revoked, read from voc.invitation-revocations: tokens of these invitations, and every token
-- signed by these keys, are refused although their signatures are good (docs/invitations.md).
create table revoked_invitation (
    invitation_id uuid        primary key,
    revoked_at    timestamptz not null
);

create table retired_invitation_key (
    kid        text        primary key,
    retired_at timestamptz not null
);
