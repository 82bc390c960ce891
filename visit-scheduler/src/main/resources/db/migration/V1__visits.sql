-- visit-scheduler's own data: the offender facts it projects from offender-service's events, the visits, the
-- force's visit policy, and which compliance events it has already emitted.

-- Built only from events (and, for an offender not heard of yet, offender-service's API); never from its tables.
create table offender_projection (
    offender_id              uuid          primary key,
    version                  bigint        not null,
    pnc_id                   varchar(13)   not null,
    display_name             varchar(210)  not null,
    risk_level               varchar(10)   not null,
    management_mode          varchar(10)   not null,
    status                   varchar(20)   not null,
    status_since             date          not null,
    area_code                varchar(20)   not null,
    manager_id               uuid          not null,
    registered_on            date          not null,
    notification_ends_on     date,
    visit_interval_months    smallint,
    last_risk_assessment_on  date,
    updated_at               timestamptz   not null default now()
);
-- The overdue rule only ever looks at offenders in the community; most lists are by area.
create index offender_projection_community_idx on offender_projection (area_code, risk_level)
    where status = 'IN_COMMUNITY';
create index offender_projection_manager_idx on offender_projection (manager_id);
create index offender_projection_pnc_idx on offender_projection (pnc_id);

-- No foreign key to the projection: it can be rebuilt from events while the visits stay.
create table visit (
    id            uuid          primary key,
    offender_id   uuid          not null,
    visit_date    date          not null,
    type          varchar(20)   not null check (type in ('HOME_VISIT', 'OTHER_CONTACT')),
    outcome       varchar(20)   not null check (outcome in ('COMPLETED', 'NO_ACCESS', 'CANCELLED')),
    announced     boolean       not null,
    officer_id    uuid,
    notes         varchar(2000),
    external_ref  varchar(100),
    recorded_by   varchar(200)  not null,
    recorded_at   timestamptz   not null default now(),
    version       bigint        not null default 0
);
-- "The latest completed home visit on or before D" is one backward index probe per offender.
create index visit_completed_home_idx on visit (offender_id, visit_date desc)
    where type = 'HOME_VISIT' and outcome = 'COMPLETED';
create index visit_no_access_idx on visit (offender_id, visit_date)
    where type = 'HOME_VISIT' and outcome = 'NO_ACCESS';
create index visit_offender_date_idx on visit (offender_id, visit_date desc);
-- Batch upserts are idempotent by (offender, date, type, external reference).
create unique index visit_external_ref_idx on visit (offender_id, visit_date, type, external_ref)
    where external_ref is not null;

-- The force's visit policy: one row, defaults from the national schedule that applied before 2017.
create table visit_policy (
    id                           smallint     primary key check (id = 1),
    very_high_visit_months       smallint     not null check (very_high_visit_months between 1 and 24),
    high_visit_months            smallint     not null check (high_visit_months between 1 and 24),
    medium_visit_months          smallint     not null check (medium_visit_months between 1 and 24),
    low_visit_months             smallint     not null check (low_visit_months between 1 and 24),
    very_high_review_months      smallint     not null check (very_high_review_months between 1 and 36),
    high_review_months           smallint     not null check (high_review_months between 1 and 36),
    medium_review_months         smallint     not null check (medium_review_months between 1 and 36),
    low_review_months            smallint     not null check (low_review_months between 1 and 36),
    first_visit_within_days      smallint     not null check (first_visit_within_days between 1 and 365),
    escalate_after_days_overdue  smallint     not null check (escalate_after_days_overdue between 1 and 365),
    version                      bigint       not null default 0,
    updated_at                   timestamptz  not null default now(),
    updated_by                   varchar(200) not null
);
insert into visit_policy values (1, 1, 3, 6, 12, 12, 12, 12, 12, 28, 28, 0, now(), 'national schedule (pre-2017)');

-- Each (offender, event type, due date) is announced once, however often the scan runs.
create table compliance_event (
    offender_id  uuid         not null,
    type         varchar(20)  not null,
    due_on       date         not null,
    emitted_at   timestamptz  not null default now(),
    primary key (offender_id, type, due_on)
);

-- Offenders whose records were erased: a late event about one must not bring the projection row back.
create table erased_offender (
    offender_id  uuid         primary key,
    erased_at    timestamptz  not null default now()
);
