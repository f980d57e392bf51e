-- Keys that sign invitation tokens (ES256). The private key is stored encrypted (AES-GCM with a key derived from
-- voc.invitation-keys.encryption-secret), so a database dump alone cannot forge invitations. Exactly one key is
-- current (superseded_at is null); superseded keys stay in the public JWKS until retire_at, i.e. until every
-- invitation they signed has expired.
create table invitation_key (
    kid            varchar(64)  primary key,
    algorithm      varchar(10)  not null,
    public_jwk     text         not null,
    private_key    bytea        not null,
    created_at     timestamptz  not null,
    superseded_at  timestamptz,
    retire_at      timestamptz
);
create unique index invitation_key_one_current on invitation_key ((true)) where superseded_at is null;
