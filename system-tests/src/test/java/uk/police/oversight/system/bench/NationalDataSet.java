package uk.police.oversight.system.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

/**
 * Generates a national-scale data set straight into visit-scheduler's database, deterministically: 70,000 offenders
 * (the national RSO count, March 2024) across 120 areas and 1,400 managers, with the national risk mix, some in
 * custody or managed reactively, and about 1,000,000 visits over 2010–2024 including no-access and cancelled ones.
 */
final class NationalDataSet {

    static final int OFFENDERS = 70_000;
    static final int AREAS = 120;
    static final int MANAGERS = 1_400;

    private NationalDataSet() {
    }

    /** The national data set as generated for 2024 (data to 2024-12-31). */
    static void generate(Connection connection) throws SQLException {
        generate(connection, OFFENDERS, LAST_DAY);
    }

    /** The last day of the data set as first generated; {@link #generate(Connection, int, LocalDate)} moves it. */
    static final LocalDate LAST_DAY = LocalDate.parse("2024-12-31");

    /**
     * The data set at another scale (areas stay 120; a manager per 50 offenders, as the national caseload benchmark), with
     * every date moved so that its last day is {@code lastDay}: today's questions then see what 2024-12-31's did.
     */
    static void generate(Connection connection, int offenders, LocalDate lastDay) throws SQLException {
        long shift = java.time.temporal.ChronoUnit.DAYS.between(LAST_DAY, lastDay);
        int managers = Math.max(1, offenders / 50);
        try (Statement sql = connection.createStatement()) {
            sql.execute("select setseed(0.2022)");
            sql.execute("""
                    insert into offender_projection (offender_id, version, pnc_id, display_name, risk_level, management_mode,
                        status, status_since, area_code, manager_id, registered_on, visit_interval_months, last_risk_assessment_on)
                    select md5('offender' || g)::uuid, 0, 'N' || lpad(g::text, 9, '0'), 'National Offender ' || g,
                        risk, case when risk = 'LOW' and r2 < 0.25 then 'REACTIVE' else 'ACTIVE' end,
                        case when r3 < 0.85 then 'IN_COMMUNITY' when r3 < 0.95 then 'IN_CUSTODY' when r3 < 0.97 then 'IN_HOSPITAL'
                             when r3 < 0.99 then 'MISSING' else 'ABROAD' end,
                        registered + (r4 * 900)::int, 'A' || lpad((g %% 120)::text, 3, '0'),
                        md5('manager' || (g %% %2$d))::uuid, registered,
                        case when r5 < 0.05 then 1 + (r5 * 400)::int %% 12 end,
                        case when r5 > 0.2 then registered + (r5 * 2500)::int end
                    from (select g, random() r1, random() r2, random() r3, random() r4, random() r5,
                              date '2010-01-01' + %3$d + (random() * 5200)::int as registered,
                              case when random() < 0.02 then 'VERY_HIGH' when random() < 0.184 then 'HIGH'
                                   when random() < 0.37 then 'MEDIUM' else 'LOW' end as risk
                          from generate_series(1, %1$d) g) s
                    """.formatted(offenders, managers, shift));
            sql.execute("update offender_projection set last_risk_assessment_on = null where last_risk_assessment_on > date '" + lastDay + "'");
            sql.execute("update offender_projection set status_since = registered_on where status_since > date '" + lastDay + "'");
        }
        visits(connection, lastDay);
    }

    /**
     * About 14 visits for each offender of visit-scheduler's projection, on their risk level's cadence from their
     * registration (to 2024), some no-access, some other contacts and cancellations; about 1,000,000 for 70,000. Seeded
     * by the caller (select setseed) for a repeatable set.
     */
    static void visits(Connection connection) throws SQLException {
        visits(connection, LAST_DAY);
    }

    /** The visits, their dates moved so that the last possible one is {@code lastDay}. */
    static void visits(Connection connection, LocalDate lastDay) throws SQLException {
        long shift = java.time.temporal.ChronoUnit.DAYS.between(LAST_DAY, lastDay);
        try (Statement sql = connection.createStatement()) {
            sql.execute("""
                    insert into visit (id, offender_id, visit_date, type, outcome, announced, recorded_by, recorded_at)
                    select md5(o.offender_id::text || k)::uuid, o.offender_id,
                        least(date '%1$s', o.registered_on + k * (case o.risk_level when 'VERY_HIGH' then 35 when 'HIGH' then 95
                            when 'MEDIUM' then 190 else 370 end) + (random() * 60)::int - 20),
                        case when random() < 0.85 then 'HOME_VISIT' else 'OTHER_CONTACT' end,
                        case when random() < 0.80 then 'COMPLETED' when random() < 0.7 then 'NO_ACCESS' else 'CANCELLED' end,
                        random() < 0.3, 'benchmark', now()
                    from offender_projection o cross join generate_series(1, 14) k
                    """.formatted(lastDay));
            sql.execute("""
                    insert into visit (id, offender_id, visit_date, type, outcome, announced, recorded_by, recorded_at)
                    select md5(o.offender_id::text || 'extra')::uuid, o.offender_id, date '2024-01-01' + %1$d + (random() * 300)::int,
                        'HOME_VISIT', 'NO_ACCESS', false, 'benchmark', now()
                    from offender_projection o where random() < 0.3
                    """.formatted(shift));
            sql.execute("analyze offender_projection");
            sql.execute("analyze visit");
        }
    }
}
