/* Without IF NOT EXISTS this build could not run again after a failure: refused. */
create unique index concurrently visit_invitation on visit (invitation_id);
