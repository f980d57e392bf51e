-- The Pareto of root causes (docs/improvement.md) filters cases by the time of their response. customer_case holds
-- millions of rows in a year, so the index is built concurrently (docs/migrations.md, "Indexes built concurrently"):
-- the response consumer keeps opening cases meanwhile. Alone in its migration, which Flyway runs without a
-- transaction; the kit's ConcurrentIndexBuilds retries a failed build at the next start.
create index concurrently if not exists customer_case_responded on customer_case (responded_at);
