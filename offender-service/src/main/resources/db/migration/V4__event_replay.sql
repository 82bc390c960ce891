-- Replays of every offender's and staff member's current facts (for a consumer rebuilding its projection): a job that
-- publishes page after page, each page and the job's cursor in one transaction, so that it survives a restart and
-- picks up where it stopped (docs/runbook.md, "Rebuild visit-scheduler's projection").
create table event_replay (
    id                   uuid          primary key,
    requested_by         varchar(200)  not null,
    requested_at         timestamptz   not null default now(),
    state                varchar(10)   not null check (state in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    offenders_total      bigint,
    offenders_published  bigint        not null default 0,
    staff_published      bigint        not null default 0,
    cursor_offender_id   uuid,
    lease_until          timestamptz,
    started_at           timestamptz,
    finished_at          timestamptz,
    last_error           varchar(1000)
);
create index event_replay_open_idx on event_replay (requested_at) where state in ('QUEUED', 'RUNNING');
