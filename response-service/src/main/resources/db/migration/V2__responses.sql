-- Accepted responses. request_hash fingerprints the submitted body, so a replay under the same client id can be
-- told apart from a different body reusing it.
create table response (
    id             uuid         primary key,
    survey_id      uuid         not null,
    survey_version int          not null,
    touchpoint_key varchar(80)  not null,
    channel        varchar(40),
    customer_ref   varchar(120) not null,
    responded_at   timestamptz  not null,
    received_at    timestamptz  not null,
    nps            smallint,
    answers        jsonb        not null,
    request_hash   varchar(64)  not null
);
create index response_survey on response (survey_id, survey_version, responded_at);
-- Erasure by customer reference must find every response of a customer.
create index response_customer_ref on response (customer_ref);
