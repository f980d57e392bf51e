-- The retention sweep of processed_event (kit ProcessedEventsRetention) looks rows up by age.
create index processed_event_processed_at on processed_event (processed_at);
