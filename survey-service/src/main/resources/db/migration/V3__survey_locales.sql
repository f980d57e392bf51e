-- Locales a survey is worded in (the default one among them). Null for surveys created before locales were
-- declared: the service then derives them from the default locale and the first question's wordings.
alter table survey add column locales varchar(35)[];
