-- Due dates kept, not recomputed (docs/architecture.md, "Kept due dates"). For any date on or after an offender's
-- latest completed home visit — today above all, since no visit may be dated in the future — their due date depends
-- only on facts that change by event: that visit, their interval, registration, return to the community, and the
-- policy. The projection keeps that visit and both due dates, maintained here in the database whatever writes the
-- rows (the API, batches, the projector, a rebuild, erasure, a policy change), so that today's overdue list is an
-- index range scan and today's summary an aggregate over one table. A past asOf keeps the computed path of
-- ComplianceQueries; both are the rule of SPEC section 3, and ComplianceAgreementTest holds them to it.
alter table offender_projection
    add column last_visit_on  date,
    add column due_on         date,
    add column review_due_on  date;

-- The due dates of one projection row, from its own facts and the policy: the same arithmetic as ComplianceQueries'
-- DUE and REVIEW_DUE text blocks (calendar months clamped at month end, days added to dates).
create function keep_due_dates() returns trigger language plpgsql as $$
declare
    p visit_policy;
    visit_months integer;
begin
    if tg_op = 'INSERT' then
        -- A row may arrive after its visits (the projection is rebuilt from events; visits stay).
        select max(v.visit_date) into new.last_visit_on from visit v
        where v.offender_id = new.offender_id and v.type = 'HOME_VISIT' and v.outcome = 'COMPLETED';
    end if;
    select * into strict p from visit_policy where id = 1;
    visit_months := coalesce(new.visit_interval_months, case new.risk_level
        when 'VERY_HIGH' then p.very_high_visit_months when 'HIGH' then p.high_visit_months
        when 'MEDIUM' then p.medium_visit_months else p.low_visit_months end);
    new.due_on := greatest(
        case when new.last_visit_on is null then new.registered_on + p.first_visit_within_days
             else (new.last_visit_on + make_interval(months => visit_months))::date end,
        case when new.last_visit_on is null or new.status_since > new.last_visit_on
             then new.status_since + p.first_visit_within_days end);
    new.review_due_on := (coalesce(new.last_risk_assessment_on, new.registered_on) + make_interval(months => case new.risk_level
        when 'VERY_HIGH' then p.very_high_review_months when 'HIGH' then p.high_review_months
        when 'MEDIUM' then p.medium_review_months else p.low_review_months end))::date;
    return new;
end $$;

create trigger offender_projection_due_dates before insert or update on offender_projection
    for each row execute function keep_due_dates();

-- The latest completed home visit of each offender a statement's visits touch. Inserts only ever move it later; an
-- update or a delete may move it earlier, so those look it up again (one backward index probe per offender). Rows are
-- locked in offender order first, so that two statements touching the same offenders cannot deadlock.
create function keep_last_visit() returns trigger language plpgsql as $$
declare
    touched uuid[];
begin
    if tg_op = 'INSERT' then
        perform 1 from offender_projection o
        where o.offender_id in (select n.offender_id from new_visits n where n.type = 'HOME_VISIT' and n.outcome = 'COMPLETED')
        order by o.offender_id for no key update;
        update offender_projection o set last_visit_on = n.last_on
        from (select offender_id, max(visit_date) as last_on from new_visits
              where type = 'HOME_VISIT' and outcome = 'COMPLETED' group by offender_id) n
        where o.offender_id = n.offender_id and (o.last_visit_on is null or o.last_visit_on < n.last_on);
        return null;
    elsif tg_op = 'UPDATE' then
        touched := array(select offender_id from old_visits where type = 'HOME_VISIT' and outcome = 'COMPLETED'
                         union select offender_id from new_visits where type = 'HOME_VISIT' and outcome = 'COMPLETED');
    else
        touched := array(select distinct offender_id from old_visits where type = 'HOME_VISIT' and outcome = 'COMPLETED');
    end if;
    if cardinality(touched) = 0 then
        return null;
    end if;
    perform 1 from offender_projection o where o.offender_id = any(touched) order by o.offender_id for no key update;
    update offender_projection o set last_visit_on = latest.last_on
    from (select t.id, (select max(v.visit_date) from visit v where v.offender_id = t.id
              and v.type = 'HOME_VISIT' and v.outcome = 'COMPLETED') as last_on from unnest(touched) t(id)) latest
    where o.offender_id = latest.id and o.last_visit_on is distinct from latest.last_on;
    return null;
end $$;

create trigger visit_keeps_last_visit_on_insert after insert on visit
    referencing new table as new_visits for each statement execute function keep_last_visit();
create trigger visit_keeps_last_visit_on_update after update on visit
    referencing old table as old_visits new table as new_visits for each statement execute function keep_last_visit();
create trigger visit_keeps_last_visit_on_delete after delete on visit
    referencing old table as old_visits for each statement execute function keep_last_visit();

-- A policy change re-dates everyone (the row trigger computes each row's dates again), taking the rows in offender
-- order as the visit triggers do, so that it cannot deadlock with a batch of visits.
create function redate_everyone() returns trigger language plpgsql as $$
begin
    perform 1 from offender_projection order by offender_id for no key update;
    update offender_projection set due_on = null;
    return null;
end $$;

create trigger visit_policy_redates_everyone after update on visit_policy
    for each statement execute function redate_everyone();

-- Today's questions: the overdue list most overdue first is this index in order, and its count reads the index
-- alone (kept narrow: the count is most of a first page's cost). The latest visit of all says whether the kept dates
-- answer a date (they do for any date on or after it).
create index offender_projection_due_idx on offender_projection (due_on, offender_id) include (registered_on)
    where status = 'IN_COMMUNITY' and management_mode = 'ACTIVE';
create index offender_projection_review_due_idx on offender_projection (review_due_on, offender_id)
    where status = 'IN_COMMUNITY';
create index offender_projection_last_visit_idx on offender_projection (last_visit_on);

update offender_projection o set last_visit_on = (select max(v.visit_date) from visit v
    where v.offender_id = o.offender_id and v.type = 'HOME_VISIT' and v.outcome = 'COMPLETED');
