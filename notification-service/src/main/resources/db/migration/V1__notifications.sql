-- notification-service's own data: who can be told (from staff events), what is open for each manager (from
-- compliance events), force systems' webhook subscriptions, and the delivery log.

-- Staff contact details, projected from offender-service's staff.changed events.
create table staff_contact (
    staff_id      uuid          primary key,
    version       bigint        not null,
    staff_number  varchar(20)   not null,
    name          varchar(100)  not null,
    email         varchar(254)  not null,
    role          varchar(20)   not null,
    area_code     varchar(20)   not null,
    active        boolean       not null,
    updated_at    timestamptz   not null default now()
);
create index staff_contact_area_role_idx on staff_contact (area_code, role) where active;

-- What each manager has open, for the daily digest: the latest due-soon, overdue and review-overdue announcement per
-- offender, until a completed home visit (or a change of status) resolves it.
create table open_item (
    offender_id   uuid          not null,
    kind          varchar(20)   not null check (kind in ('DUE_SOON', 'OVERDUE', 'REVIEW_OVERDUE')),
    due_on        date          not null,
    last_visit_on date,
    pnc_id        varchar(13)   not null,
    risk_level    varchar(10)   not null,
    area_code     varchar(20)   not null,
    manager_id    uuid          not null,
    announced_at  timestamptz   not null default now(),
    primary key (offender_id, kind)
);
create index open_item_manager_idx on open_item (manager_id);

-- Force systems' subscriptions. The secret signs each delivery and is never returned by the API.
create table webhook_subscription (
    id                    uuid          primary key,
    url                   varchar(2000) not null,
    event_types           text[]        not null,
    secret                varchar(200)  not null,
    description           varchar(200),
    active                boolean       not null default true,
    consecutive_failures  integer       not null default 0,
    disabled_at           timestamptz,
    disabled_reason       varchar(1000),
    created_by            varchar(200)  not null,
    created_at            timestamptz   not null default now()
);

-- The delivery log: every notification, its recipient, channel and fate.
create table notification (
    id               uuid          primary key,
    type             varchar(20)   not null check (type in ('DUE_SOON', 'OVERDUE', 'ESCALATION', 'DIGEST')),
    channel          varchar(10)   not null check (channel in ('EMAIL', 'WEBHOOK')),
    recipient_id     uuid          not null,
    area_code        varchar(20)   not null,
    offender_ids     uuid[]        not null,
    due_on           date,
    status           varchar(10)   not null check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts         integer       not null default 0,
    next_attempt_at  timestamptz   not null default now(),
    lease_until      timestamptz,
    payload          text          not null,
    created_at       timestamptz   not null default now(),
    sent_at          timestamptz,
    last_error       varchar(1000),
    -- One notification per (type, channel, recipient, offender, due date) — or per manager and day for digests.
    dedupe_key       varchar(300)  not null unique
);
create index notification_pending_idx on notification (next_attempt_at) where status = 'PENDING';
create index notification_created_idx on notification (created_at desc);
create index notification_recipient_idx on notification (recipient_id, created_at desc);
