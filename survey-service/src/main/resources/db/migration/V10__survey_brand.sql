-- The respondent page's brand of a survey's draft (name, https logo URL, #rrggbb accent colour; each optional), as
-- JSON. Null for surveys without one, and for every survey created before brands existed. Published versions keep
-- the brand inside their frozen definition JSON, so survey_version needs no column.
alter table survey add column brand jsonb;
