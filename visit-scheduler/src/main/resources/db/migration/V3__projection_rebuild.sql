-- Rebuilding the offender projection from a replay of offender-service's facts (docs/runbook.md): nothing is cleared
-- first (the lists stay whole meanwhile); each row the replay refreshes is marked with it, and when the replay's
-- completion has arrived and every offender it published is marked, the rows it did not touch (offenders that no
-- longer exist, and that nothing has changed since the rebuild began) are removed.
alter table offender_projection add column refreshed_by uuid;

create table projection_rebuild (
    id                  uuid          primary key,
    replay_id           uuid          not null unique,
    requested_by        varchar(200)  not null,
    requested_at        timestamptz   not null default now(),
    state               varchar(10)   not null check (state in ('RUNNING', 'DONE', 'FAILED')),
    expected_offenders  bigint,
    refreshed_offenders bigint        not null default 0,
    removed_offenders   bigint        not null default 0,
    finished_at         timestamptz,
    last_error          varchar(1000)
);
create index projection_rebuild_running_idx on projection_rebuild (requested_at) where state = 'RUNNING';
