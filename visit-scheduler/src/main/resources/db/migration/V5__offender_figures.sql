-- The narrow table today's summary aggregates: each offender's grouping keys, the facts that put them in scope, and
-- their kept due dates (V4), copied from offender_projection by a trigger whenever one of those changes. A pass over
-- it costs about half a pass over the projection, whose rows also carry names, PNC ids and the rebuild's marks.
create table offender_figures (
    offender_id    uuid         primary key,
    area_code      varchar(20)  not null,
    risk_level     varchar(10)  not null,
    manager_id     uuid         not null,
    in_community   boolean      not null,
    active         boolean      not null,
    registered_on  date         not null,
    due_on         date         not null,
    review_due_on  date         not null
);

create function keep_offender_figures() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        delete from offender_figures where offender_id = old.offender_id;
        return null;
    end if;
    insert into offender_figures as f values (new.offender_id, new.area_code, new.risk_level, new.manager_id,
        new.status = 'IN_COMMUNITY', new.management_mode = 'ACTIVE', new.registered_on, new.due_on, new.review_due_on)
    on conflict (offender_id) do update set area_code = excluded.area_code, risk_level = excluded.risk_level,
        manager_id = excluded.manager_id, in_community = excluded.in_community, active = excluded.active,
        registered_on = excluded.registered_on, due_on = excluded.due_on, review_due_on = excluded.review_due_on
    where (f.area_code, f.risk_level, f.manager_id, f.in_community, f.active, f.registered_on, f.due_on, f.review_due_on)
        is distinct from (excluded.area_code, excluded.risk_level, excluded.manager_id, excluded.in_community,
        excluded.active, excluded.registered_on, excluded.due_on, excluded.review_due_on);
    return null;
end $$;

-- After the row trigger of V4 has dated the row (BEFORE triggers run first).
create trigger offender_projection_figures after insert or delete or update of area_code, risk_level, manager_id,
    status, management_mode, registered_on, due_on, review_due_on, last_visit_on, visit_interval_months, status_since,
    last_risk_assessment_on on offender_projection
    for each row execute function keep_offender_figures();

insert into offender_figures
select offender_id, area_code, risk_level, manager_id, status = 'IN_COMMUNITY', management_mode = 'ACTIVE',
    registered_on, due_on, review_due_on
from offender_projection;
