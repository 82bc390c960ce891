-- The audit log of processing (Data Protection Act 2018 s.62, docs/domain.md): consultation, alteration, disclosure
-- and erasure of offender data, and every refused attempt, from every service. Append-only: the database refuses
-- updates, deletes and truncation. (Until this service existed the same table lived in offender-service's database;
-- EarlierStoreImport moves its entries here.)

create sequence audit_event_seq increment by 50;
create table audit_event (
    id               bigint        primary key default nextval('audit_event_seq'),
    at               timestamptz   not null default now(),
    actor            varchar(200)  not null,
    roles            text[]        not null,
    action           varchar(10)   not null check (action in ('COLLECT', 'CONSULT', 'ALTER', 'DISCLOSE', 'ERASE')),
    offender_ids     uuid[]        not null,
    service          varchar(50)   not null,
    request_id       varchar(100),
    justification    varchar(500),
    detail           varchar(1000),
    outcome          varchar(10)   not null default 'GRANTED' check (outcome in ('GRANTED', 'REFUSED')),
    -- The id of the event an entry arrived in (or, for an entry moved from the earlier store, one derived from its
    -- id there): makes delivery, and the move, idempotent. Null only for this service's own entries.
    source_event_id  uuid          unique
);
create index audit_event_at_idx on audit_event (at);
create index audit_event_actor_idx on audit_event (actor, at);
create index audit_event_offenders_idx on audit_event using gin (offender_ids);
create index audit_event_refused_idx on audit_event (at) where outcome = 'REFUSED';

create function refuse_audit_change() returns trigger language plpgsql as $$
begin
    raise exception 'the % table is append-only: % is not allowed', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_event_append_only
    before update or delete on audit_event
    for each row execute function refuse_audit_change();
create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function refuse_audit_change();

-- How far the move of the earlier store's entries has got (EarlierStoreImport): resumable after a restart.
create table earlier_store_import (
    source       varchar(100) primary key,
    last_id      bigint       not null,
    finished_at  timestamptz
);
