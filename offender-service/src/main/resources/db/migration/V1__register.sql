-- The register: areas, staff, offenders and what happened to them.

create table area (
    code        varchar(20)  primary key,
    name        varchar(100) not null,
    created_at  timestamptz  not null default now()
);

create table staff (
    id            uuid         primary key,
    staff_number  varchar(20)  not null unique,
    name          varchar(100) not null,
    email         varchar(254) not null,
    role          varchar(20)  not null check (role in ('OFFENDER_MANAGER', 'SUPERVISOR')),
    area_code     varchar(20)  not null references area (code),
    active        boolean      not null default true,
    version       bigint       not null default 0,
    created_at    timestamptz  not null default now(),
    updated_at    timestamptz  not null default now()
);
create index staff_area_idx on staff (area_code, role);

create table offender (
    id                       uuid         primary key,
    pnc_id                   varchar(13)  not null,
    first_name               varchar(100) not null,
    last_name                varchar(100) not null,
    date_of_birth            date         not null,
    address_line1            varchar(200) not null,
    address_line2            varchar(200),
    town                     varchar(100) not null,
    postcode                 varchar(10)  not null,
    mappa_category           smallint     not null check (mappa_category between 1 and 4),
    mappa_level              smallint     not null check (mappa_level between 1 and 3),
    risk_level               varchar(10)  not null check (risk_level in ('LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH')),
    management_mode          varchar(10)  not null check (management_mode in ('ACTIVE', 'REACTIVE')),
    status                   varchar(20)  not null check (status in ('IN_COMMUNITY', 'IN_CUSTODY', 'IN_HOSPITAL', 'ABROAD',
                                                         'MISSING', 'TRANSFERRED_OUT', 'DECEASED', 'NOTIFICATION_ENDED')),
    status_since             date         not null,
    area_code                varchar(20)  not null references area (code),
    manager_id               uuid         not null references staff (id),
    registered_on            date         not null,
    notification_ends_on     date,
    visit_interval_months    smallint     check (visit_interval_months between 1 and 24),
    last_risk_assessment_on  date,
    version                  bigint       not null default 0,
    created_at               timestamptz  not null default now(),
    updated_at               timestamptz  not null default now(),
    constraint offender_pnc_id_key unique (pnc_id),
    constraint offender_notification_after_registration check (notification_ends_on is null or notification_ends_on >= registered_on)
);
create index offender_area_name_idx on offender (area_code, last_name, first_name);
create index offender_manager_idx on offender (manager_id);
create index offender_last_name_lower_idx on offender (lower(last_name) text_pattern_ops);

create table risk_assessment (
    id           uuid         primary key,
    offender_id  uuid         not null references offender (id) on delete cascade,
    assessed_on  date         not null,
    risk_level   varchar(10)  not null check (risk_level in ('LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH')),
    tool         varchar(10)  not null check (tool in ('ARMS', 'RM2000', 'OTHER')),
    notes        varchar(2000),
    recorded_by  varchar(200) not null,
    recorded_at  timestamptz  not null default now()
);
create index risk_assessment_offender_idx on risk_assessment (offender_id, assessed_on desc);

create table status_change (
    id               uuid         primary key,
    offender_id      uuid         not null references offender (id) on delete cascade,
    status           varchar(20)  not null,
    previous_status  varchar(20)  not null,
    effective_on     date         not null,
    reason           varchar(500) not null,
    recorded_by      varchar(200) not null,
    recorded_at      timestamptz  not null default now()
);
create index status_change_offender_idx on status_change (offender_id, effective_on desc);

-- Who changed what and when, with the changed fields before and after.
create sequence offender_history_seq increment by 50;
create table offender_history (
    id           bigint       primary key default nextval('offender_history_seq'),
    offender_id  uuid         not null,
    at           timestamptz  not null default now(),
    actor        varchar(200) not null,
    change       varchar(30)  not null,
    before       jsonb,
    after        jsonb,
    request_id   varchar(100)
);
create index offender_history_offender_idx on offender_history (offender_id, id);
