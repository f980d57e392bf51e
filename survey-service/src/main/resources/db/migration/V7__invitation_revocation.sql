-- Invitation tokens are credentials: whoever holds one may answer as the customer. They are shown once, when the
-- invitation is issued (the intake's answer and voc.invitation.issued.v1), and no longer kept: the invitation id is
-- the token's jti, which is all revocation needs. Existing tokens and links are dropped with their columns.
alter table invitation drop column token;
alter table invitation drop column link;

-- An operator may revoke one invitation (status REVOKED); why, and when, are kept for the audit.
alter table invitation add column revoked_at     timestamptz;
alter table invitation add column revoked_reason text;
