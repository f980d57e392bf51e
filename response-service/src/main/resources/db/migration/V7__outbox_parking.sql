-- An outbox row Kafka refuses for good (larger than the broker takes, an invalid topic) is parked instead of retried:
-- it keeps its error for operators and the rows behind it flow on (service kit, OutboxRelay). Expand-only: a
-- release without parking ignores the column. To send a parked row again: update outbox_event set parked_at = null.
alter table outbox_event add column parked_at timestamptz;
create index outbox_event_pending on outbox_event (created_at) where parked_at is null;
