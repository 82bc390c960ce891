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
create index if not exists outbox_event_pending_idx on outbox_event (seq) where published_at is null;
create index if not exists outbox_event_published_idx on outbox_event (published_at) where published_at is not null;

create table if not exists inbox_event (
    event_id     uuid         not null,
    consumer     varchar(100) not null,
    type         varchar(200),
    received_at  timestamptz  not null default now(),
    primary key (event_id, consumer)
);
create index if not exists inbox_event_received_idx on inbox_event (received_at);
