package uk.police.oversight.system.bench;

/**
 * The best hand-written SQL for the answers the API gives, written independently of the service: what a DBA would run
 * at the console to answer the same question. The benchmark compares the API against these on the same database.
 */
final class HandWrittenSql {

    private HandWrittenSql() {
    }

    private static final String INTERVAL = "coalesce(o.visit_interval_months, case o.risk_level when 'VERY_HIGH' then p.very_high_visit_months"
            + " when 'HIGH' then p.high_visit_months when 'MEDIUM' then p.medium_visit_months else p.low_visit_months end)";

    /** Everyone in scope with their due date as of ?1 (a date, used three times). */
    private static final String DUE = """
            select o.offender_id, o.pnc_id, o.display_name, o.risk_level, o.area_code, o.manager_id, lv.last_visit_on,
                   greatest(coalesce((lv.last_visit_on + make_interval(months => %s))::date, o.registered_on + p.first_visit_within_days),
                            case when lv.last_visit_on is null or o.status_since > lv.last_visit_on
                                 then o.status_since + p.first_visit_within_days end) as due_on
            from offender_projection o
            cross join visit_policy p
            left join lateral (select max(v.visit_date) as last_visit_on from visit v
                               where v.offender_id = o.offender_id and v.type = 'HOME_VISIT' and v.outcome = 'COMPLETED'
                                 and v.visit_date <= ?) lv on true
            where o.status = 'IN_COMMUNITY' and o.management_mode = 'ACTIVE' and o.registered_on <= ? %s
            """;

    /** The first page (50) of overdue offenders, most overdue first, with the total and no-access counts for the page. */
    static String firstPage(String extraFilter) {
        return """
                with due as (%s), page as (
                    select d.*, ?::date - d.due_on as days_overdue, count(*) over () as total
                    from due d where d.due_on < ? order by days_overdue desc, offender_id limit 50)
                select page.*, (select count(*) from visit v where v.offender_id = page.offender_id and v.type = 'HOME_VISIT'
                                and v.outcome = 'NO_ACCESS' and v.visit_date <= ?
                                and (page.last_visit_on is null or v.visit_date > page.last_visit_on)) as no_access
                from page order by days_overdue desc, offender_id
                """.formatted(DUE.formatted(INTERVAL, extraFilter));
    }

    /** The summary's figures: totals and breakdowns by area, risk, manager and band in one pass, plus review counts. */
    static String summary() {
        return """
                with due as (%s), graded as (
                    select area_code, risk_level, manager_id, ?::date - due_on as days from due), banded as (
                    select g.*, case when days <= 0 then null when days <= 30 then '1-30' when days <= 90 then '31-90'
                                     when days <= 180 then '91-180' else '181+' end as band from graded g)
                select area_code, risk_level, manager_id, band, count(*) as in_scope,
                       count(*) filter (where days > 0) as overdue, max(days) filter (where days > 0) as oldest
                from banded group by grouping sets ((), (area_code), (risk_level), (manager_id), (band))
                """.formatted(DUE.formatted(INTERVAL, ""));
    }

    /** Overdue risk reviews by area as of ?1. */
    static final String REVIEWS = """
            select o.area_code, count(*) from offender_projection o cross join visit_policy p
            where o.status = 'IN_COMMUNITY'
              and (coalesce(o.last_risk_assessment_on, o.registered_on) + make_interval(months => case o.risk_level
                   when 'VERY_HIGH' then p.very_high_review_months when 'HIGH' then p.high_review_months
                   when 'MEDIUM' then p.medium_review_months else p.low_review_months end))::date < ?
            group by o.area_code
            """;

    /** Caseloads for the per-manager breakdown. */
    static final String CASELOADS = "select manager_id, count(*) from offender_projection group by manager_id";

    /** One offender's schedule inputs: their facts and their visits on or before ?2. */
    static final String SCHEDULE = """
            select o.*, v.visit_date, v.type, v.outcome from offender_projection o
            left join visit v on v.offender_id = o.offender_id and v.visit_date <= ?
            where o.offender_id = ?
            """;

    /**
     * Today's first page from the due dates the projection keeps (V4): the 50 earliest due in scope, with the total and
     * the page's no-access counts; asOf six times.
     */
    static final String KEPT_FIRST_PAGE = """
            with page as (
                select o.offender_id, o.pnc_id, o.display_name, o.risk_level, o.area_code, o.manager_id, o.last_visit_on, o.due_on,
                       ?::date - o.due_on as days_overdue
                from offender_projection o
                where o.status = 'IN_COMMUNITY' and o.management_mode = 'ACTIVE' and o.registered_on <= ? and o.due_on < ?
                order by o.due_on, o.offender_id limit 50)
            select page.*,
                   (select count(*) from visit v where v.offender_id = page.offender_id and v.type = 'HOME_VISIT'
                    and v.outcome = 'NO_ACCESS' and v.visit_date <= ?
                    and (page.last_visit_on is null or v.visit_date > page.last_visit_on)) as no_access,
                   (select count(*) from offender_projection o where o.status = 'IN_COMMUNITY' and o.management_mode = 'ACTIVE'
                    and o.registered_on <= ? and o.due_on < ?) as total
            from page order by due_on, offender_id
            """;

    /**
     * Today's summary from the kept dates: in scope, overdue and the oldest by area, risk, manager and band, the reviews
     * by area and risk, and caseloads, in one pass over the projection; asOf nine times.
     */
    static final String KEPT_SUMMARY = """
            with f as (
                select o.area_code, o.risk_level, o.manager_id, o.status = 'IN_COMMUNITY' as in_community,
                       o.status = 'IN_COMMUNITY' and o.management_mode = 'ACTIVE' and o.registered_on <= ? as in_scope,
                       o.management_mode = 'REACTIVE' as reactive, o.registered_on, o.review_due_on,
                       case when o.status = 'IN_COMMUNITY' and o.management_mode = 'ACTIVE' and o.registered_on <= ? and o.due_on < ?
                            then ?::date - o.due_on end as days
                from offender_projection o)
            select area_code, risk_level, manager_id, band, count(*) filter (where in_scope) as in_scope,
                   count(days) as overdue, max(days) as oldest,
                   count(*) filter (where in_community and registered_on <= ?) as in_community,
                   count(*) filter (where in_community and review_due_on < ?) as reviews_overdue,
                   count(*) filter (where in_community and reactive and registered_on <= ?) as reactive, count(*) as caseload
            from (select f.*, case when days is null then null when days <= 30 then '1-30' when days <= 90 then '31-90'
                                   when days <= 180 then '91-180' else '181+' end as band from f) b
            group by grouping sets ((area_code, risk_level, band), (manager_id))
            """;
}
