-- Verbatim search (docs/verbatims.md). Runs without a transaction (Flyway's mixed, FlywayMixedMigrations:
-- CONCURRENTLY cannot run in one), so every statement commits on its own and the back-fill commits batch by batch:
-- no row stays locked for long. Each statement can be run again: after a failure, drop an INVALID index it left,
-- `flyway repair`, restart.

-- Trigram indexes make "contains" searches (ILIKE '%…%') use an index. A trusted extension: the database owner may
-- create it.
create extension if not exists pg_trgm;

-- The free texts of a response, joined by a line break; null when it has none that is not blank. The writer fills it
-- with the row (expand-only: older pods insert without it and the next release's back-fill, like this one, fills it);
-- erasure and retention null it with the texts.
alter table response add column if not exists comment_text text;

-- Back-fill of the rows written before this release, 5,000 rows per transaction.
do $$
declare
    filled int;
begin
    loop
        update response r set comment_text = t.comment_text
        from (select id,
                     (select string_agg(a ->> 'text', E'\n' order by n)
                      from jsonb_array_elements(answers) with ordinality as x(a, n)
                      where jsonb_typeof(a -> 'text') = 'string' and btrim(a ->> 'text') <> '') as comment_text
              from response
              where comment_text is null
                and jsonb_path_exists(answers, '$[*].text ? (@.type() == "string" && @ like_regex "\\S")')
              limit 5000) t
        where r.id = t.id;
        get diagnostics filled = row_count;
        exit when filled = 0;
        commit;
    end loop;
end $$;

-- Contains-search over the comments. A failed concurrent build leaves an INVALID index: drop it and restart.
create index concurrently if not exists response_comment_trgm on response using gin (comment_text gin_trgm_ops);
-- Newest-first keyset pages over all responses, and over one touchpoint's.
create index concurrently if not exists response_recent on response (responded_at desc, id desc);
create index concurrently if not exists response_touchpoint_recent
    on response (touchpoint_key, responded_at desc, id desc);
