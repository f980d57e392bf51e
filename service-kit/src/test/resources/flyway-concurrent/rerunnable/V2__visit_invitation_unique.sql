-- As response-service V6: one visit per invitation, built without blocking writers.
create unique index concurrently if not exists visit_invitation on visit (invitation_id);
