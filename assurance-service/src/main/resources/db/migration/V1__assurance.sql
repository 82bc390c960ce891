-- assurance-service's own data: frozen compliance figures, the thresholds they are rated against, assurance samples
-- with their panels' findings, and the action tracker. No names, PNC ids, addresses or dates of birth are kept here;
-- a sample keeps the offender ids it drew (to read the case files from their owners and so that anyone can check the
-- draw from its seed).

-- Snapshots: the summary of visit-scheduler for one date, frozen. Never changed or deleted (trigger below).
create table compliance_snapshot (
    id        uuid         primary key,
    as_of     date         not null,
    taken_at  timestamptz  not null,
    kind      varchar(20)  not null check (kind in ('MONTHLY', 'ON_DEMAND', 'RECONSTRUCTED')),
    taken_by  varchar(200) not null,
    figures   jsonb        not null
);
-- One MONTHLY snapshot per month, however often or on however many replicas the job runs.
create unique index compliance_snapshot_monthly_idx on compliance_snapshot ((date_trunc('month', as_of::timestamp)))
    where kind = 'MONTHLY';
create index compliance_snapshot_as_of_idx on compliance_snapshot (as_of, kind);

create function refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% rows are never changed or deleted', tg_table_name using errcode = 'insufficient_privilege';
end $$;
create trigger compliance_snapshot_immutable before update or delete on compliance_snapshot
    for each row execute function refuse_change();
create trigger compliance_snapshot_no_truncate before truncate on compliance_snapshot
    for each statement execute function refuse_change();

-- RAG thresholds, one row per metric; version backs the ETag of the set.
create table performance_threshold (
    metric  varchar(30)   primary key,
    better  varchar(10)   not null check (better in ('HIGHER', 'LOWER')),
    green   numeric(12,4) not null,
    amber   numeric(12,4) not null
);
create table threshold_set (
    id          integer      primary key check (id = 1),
    version     bigint       not null,
    changed_by  varchar(200) not null,
    changed_at  timestamptz  not null
);
insert into performance_threshold (metric, better, green, amber) values
    ('complianceRate', 'HIGHER', 0.95, 0.90),
    ('reviewComplianceRate', 'HIGHER', 0.95, 0.90),
    ('oldestDaysOverdue', 'LOWER', 30, 90);
insert into threshold_set (id, version, changed_by, changed_at) values (1, 1, 'default', now());

-- Assurance samples (dip-sampling for panels) and the cases each drew.
create table assurance_sample (
    id               uuid          primary key,
    title            varchar(200)  not null,
    population_from  date          not null,
    population_to    date          not null,
    area_codes       text[]        not null,
    risk_levels      text[]        not null,
    overdue_only     boolean       not null,
    size             integer       not null,
    stratify_by      varchar(20)   check (stratify_by in ('RISK_LEVEL', 'AREA')),
    seed             varchar(200)  not null,
    algorithm        varchar(30)   not null,
    population_size  integer       not null,
    -- Each stratum's population (one, ALL, without strata): {"HIGH": 212, ...}
    strata           jsonb         not null,
    panel_members    text[]        not null,
    access_from      date          not null,
    access_until     date          not null,
    created_by       varchar(200)  not null,
    created_at       timestamptz   not null
);
create index assurance_sample_created_idx on assurance_sample (created_at);

create table sample_case (
    sample_id      uuid         not null references assurance_sample (id),
    case_ref       varchar(20)  not null,
    offender_id    uuid         not null,
    stratum        varchar(20),
    draw_key       char(64)     not null,
    manager_label  varchar(20)  not null,
    primary key (sample_id, case_ref)
);

create table case_finding (
    sample_id     uuid          not null,
    case_ref      varchar(20)   not null,
    grade         varchar(40)   not null check (grade in ('CONSISTENT', 'APPROPRIATE_WITH_OBSERVATIONS', 'INAPPROPRIATE', 'NO_CONCLUSION')),
    flags         text[]        not null,
    observations  varchar(4000),
    recorded_by   varchar(200)  not null,
    recorded_at   timestamptz   not null,
    primary key (sample_id, case_ref),
    foreign key (sample_id, case_ref) references sample_case (sample_id, case_ref)
);

-- The action tracker: what the force promised, to whom, by when; the updates are append-only.
create table tracked_action (
    id                      uuid          primary key,
    reference               varchar(40)   not null unique,
    source                  varchar(30)   not null check (source in ('HMICFRS_RECOMMENDATION', 'HMICFRS_AFI', 'CAUSE_OF_CONCERN', 'ACCOUNTABILITY_MEETING', 'ASSURANCE_PANEL')),
    title                   varchar(200)  not null,
    description             varchar(4000) not null,
    owner                   varchar(200)  not null,
    owner_staff_id          uuid,
    due_on                  date          not null,
    status                  varchar(30)   not null check (status in ('AWAITING_ALLOCATION', 'IN_PROGRESS', 'PENDING_SIGN_OFF', 'CLOSED')),
    criterion_metric        varchar(30),
    criterion_area_code     varchar(20),
    criterion_better        varchar(10)   check (criterion_better in ('HIGHER', 'LOWER')),
    criterion_value         numeric(12,4),
    criterion_snapshots     integer,
    created_by              varchar(200)  not null,
    created_at              timestamptz   not null,
    changed_at              timestamptz   not null,
    closed_at               timestamptz,
    check ((criterion_metric is null) = (criterion_value is null))
);
create index tracked_action_due_idx on tracked_action (due_on) where status <> 'CLOSED';
create index tracked_action_changed_idx on tracked_action (changed_at);

create table action_update (
    id               uuid          primary key,
    action_id        uuid          not null references tracked_action (id),
    at               timestamptz   not null,
    by_subject       varchar(200)  not null,
    status           varchar(30)   check (status in ('AWAITING_ALLOCATION', 'IN_PROGRESS', 'PENDING_SIGN_OFF', 'CLOSED')),
    note             varchar(4000) not null,
    override_reason  varchar(2000)
);
create index action_update_action_idx on action_update (action_id, at);
create trigger action_update_append_only before update or delete on action_update
    for each row execute function refuse_change();

-- Each reminder to an action's owner is announced once: (action, kind, due date).
create table action_reminder (
    action_id     uuid         not null references tracked_action (id),
    kind          varchar(20)  not null check (kind in ('DUE_SOON', 'OVERDUE')),
    due_on        date         not null,
    announced_at  timestamptz  not null,
    primary key (action_id, kind, due_on)
);
