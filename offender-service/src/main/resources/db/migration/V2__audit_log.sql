-- The audit log of processing (Data Protection Act 2018 s.62): consultation, alteration, disclosure and erasure of
-- offender data, from every service. Append-only: the database refuses updates, deletes and truncation.

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
    -- Set for entries that reached this store as events from another service; makes their delivery idempotent.
    source_event_id  uuid          unique
);
create index audit_event_at_idx on audit_event (at);
create index audit_event_actor_idx on audit_event (actor, at);
create index audit_event_offenders_idx on audit_event using gin (offender_ids);

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

-- Offender history is an audit trail too: it only grows, and loses rows only when an offender is erased.
create trigger offender_history_no_update
    before update on offender_history
    for each row execute function refuse_audit_change();
create trigger offender_history_no_truncate
    before truncate on offender_history
    for each statement execute function refuse_audit_change();
