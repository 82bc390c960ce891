-- Transactional outbox and idempotent inbox, shared by every service that publishes or consumes events.
-- A repeatable migration of idempotent DDL, so that it sits beside each service's own versioned migrations.

create table if not exists outbox_event (
    id            uuid         primary key,
    seq           bigint       generated always as identity,
    destination   varchar(200) not null,
    type          varchar(200) not null,
    subject       varchar(200),
    payload       text         not null,
    created_at    timestamptz  not null default now(),
    published_at  timestamptz,
    attempts      integer      not null default 0,
    last_error    varchar(1000),
    -- A relay that took the event to send holds it until then, so no two relays send it at once.
    lease_until   timestamptz
);
-- The W3C trace context of the writer (also in the envelope), for the relay's publish span (EventTracing).
alter table outbox_event add column if not exists traceparent varchar(55);
create index if not exists outbox_event_pending_idx on outbox_event (seq) where published_at is null;
create index if not exists outbox_event_published_idx on outbox_event (published_at) where published_at is not null;
-- Every event is written, leased and marked sent: room on each page lets the lease's update stay on the page (a HOT
-- update, no new index entries), and the table is vacuumed after every few thousand changes rather than after a
-- fifth of it has changed, so the dead entries sent events leave in the pending index do not pile up under a bulk load.
alter table outbox_event set (fillfactor = 50, autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 2000,
    autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 5000, autovacuum_vacuum_cost_delay = 0);

create table if not exists inbox_event (
    event_id     uuid         not null,
    consumer     varchar(100) not null,
    type         varchar(200),
    received_at  timestamptz  not null default now(),
    primary key (event_id, consumer)
);
create index if not exists inbox_event_received_idx on inbox_event (received_at);
