package uk.police.oversight.visits.compliance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import uk.police.oversight.common.web.Page;
import uk.police.oversight.common.web.PageRequest;
import uk.police.oversight.visits.model.RiskLevel;

/**
 * The overdue rule as SQL, for lists and summaries at national scale: one pass over the in-scope offenders with an
 * index probe per offender for their latest completed home visit. {@link ComplianceRule} is the reference it is
 * tested to agree with.
 */
@ApplicationScoped
public class ComplianceQueries {

    /** Sort fields of the overdue list, mapped to SQL expressions. */
    public static final Map<String, String> OVERDUE_SORT = Map.of(
            "daysOverdue", "days_overdue",
            "dueOn", "due_on",
            "lastVisitOn", "last_visit_on",
            "displayName", "display_name",
            "pncId", "pnc_id",
            "areaCode", "area_code",
            "riskLevel", "risk_rank",
            "consecutiveNoAccess", "no_access");

    /** Sort fields of the overdue risk-review list. */
    public static final Map<String, String> REVIEW_SORT = Map.of(
            "daysOverdue", "days_overdue",
            "reviewDueOn", "review_due_on",
            "displayName", "display_name",
            "pncId", "pnc_id",
            "areaCode", "area_code",
            "riskLevel", "risk_rank");

    private static final String RISK_RANK = "case o.risk_level when 'VERY_HIGH' then 4 when 'HIGH' then 3 when 'MEDIUM' then 2 else 1 end";
    private static final String VISIT_MONTHS = "case o.risk_level when 'VERY_HIGH' then p.very_high_visit_months"
            + " when 'HIGH' then p.high_visit_months when 'MEDIUM' then p.medium_visit_months else p.low_visit_months end";
    private static final String REVIEW_MONTHS = "case o.risk_level when 'VERY_HIGH' then p.very_high_review_months"
            + " when 'HIGH' then p.high_review_months when 'MEDIUM' then p.medium_review_months else p.low_review_months end";

    @Inject
    DataSource dataSource;

    /** A page of overdue offenders, most overdue first unless sorted otherwise. */
    public Page<OverdueVisit> overdue(OverdueFilter filter, PageRequest page) {
        String order = " order by " + page.sortField() + (page.ascending() ? " asc" : " desc") + " nulls last, offender_id";
        Sql sql;
        if (page.sortField().equals("no_access")) {
            sql = new Sql().append("select * from (select overdue.*, ").append(noAccess("overdue", filter.asOf()))
                    .append(" as no_access from (").append(overdueRows(filter)).append(") overdue) counted")
                    .append(order).append(" limit ? offset ?", page.size(), page.offset());
        } else {
            // Only the page's rows need their no-access visits counted.
            sql = new Sql().append("select page.*, ").append(noAccess("page", filter.asOf())).append(" as no_access from (")
                    .append(overdueRows(filter)).append(order).append(" limit ? offset ?", page.size(), page.offset())
                    .append(") page").append(order);
        }
        List<OverdueVisit> items = new ArrayList<>();
        long total = query(sql, rs -> {
            long count = 0;
            while (rs.next()) {
                items.add(overdueVisit(rs));
                count = rs.getLong("total");
            }
            return count;
        });
        if (items.isEmpty() && page.page() > 0) {
            total = countOverdue(filter);
        }
        return Page.of(items, page, total);
    }

    /** Every overdue offender the filter covers, most overdue first (for CSV export). */
    public List<OverdueVisit> allOverdue(OverdueFilter filter) {
        Sql sql = new Sql().append("select overdue.*, ").append(noAccess("overdue", filter.asOf()))
                .append(" as no_access from (").append(overdueRows(filter)).append(") overdue order by days_overdue desc, offender_id");
        return query(sql, rs -> {
            List<OverdueVisit> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(overdueVisit(rs));
            }
            return rows;
        });
    }

    public long countOverdue(OverdueFilter filter) {
        Sql sql = new Sql().append("select count(*) from (").append(overdueRows(filter)).append(") counted");
        return query(sql, rs -> {
            rs.next();
            return rs.getLong(1);
        });
    }

    /** The figures of the summary; {@code withManagers} adds byManager (not for scrutiny). */
    public ComplianceSummary summary(OverdueFilter filter, boolean withManagers) {
        LocalDate asOf = filter.asOf();
        Sql sql = new Sql().append(dueCte(filter))
                .append(", graded as (select d.area_code, d.risk_level, d.manager_id, d.due_on < ? as overdue,"
                        + " case when d.due_on < ? then ? - d.due_on end as days from due d)", asOf, asOf, asOf)
                .append(", banded as (select g.*, case when g.days is null then null when g.days <= 30 then '1-30'"
                        + " when g.days <= 90 then '31-90' when g.days <= 180 then '91-180' else '181+' end as band from graded g)")
                .append(" select area_code, risk_level, manager_id, band, count(*) as in_scope,"
                        + " count(*) filter (where overdue) as overdue, max(days) as oldest,"
                        + " grouping(area_code) as g_area, grouping(risk_level) as g_risk, grouping(manager_id) as g_manager,"
                        + " grouping(band) as g_band from banded"
                        + " group by grouping sets ((), (area_code), (risk_level), (manager_id), (band))");
        long[] totals = new long[2];
        Long[] oldest = new Long[1];
        Map<String, long[]> byArea = new LinkedHashMap<>();
        Map<RiskLevel, long[]> byRisk = new EnumMap<>(RiskLevel.class);
        Map<String, Long> byBand = new LinkedHashMap<>();
        Map<UUID, long[]> byManager = new LinkedHashMap<>();
        for (Band band : Band.values()) {
            byBand.put(band.label(), 0L);
        }
        for (RiskLevel level : RiskLevel.values()) {
            byRisk.put(level, new long[2]);
        }
        query(sql, rs -> {
            while (rs.next()) {
                long inScope = rs.getLong("in_scope");
                long overdue = rs.getLong("overdue");
                if (rs.getInt("g_area") == 0) {
                    byArea.put(rs.getString("area_code"), new long[] {inScope, overdue, 0});
                } else if (rs.getInt("g_risk") == 0) {
                    byRisk.put(RiskLevel.valueOf(rs.getString("risk_level")), new long[] {inScope, overdue});
                } else if (rs.getInt("g_manager") == 0) {
                    byManager.put(rs.getObject("manager_id", UUID.class), new long[] {0, inScope, overdue});
                } else if (rs.getInt("g_band") == 0) {
                    if (rs.getString("band") != null) {
                        byBand.put(rs.getString("band"), overdue);
                    }
                } else {
                    totals[0] = inScope;
                    totals[1] = overdue;
                    long max = rs.getLong("oldest");
                    oldest[0] = rs.wasNull() ? null : max;
                }
            }
            return null;
        });
        Map<String, Long> reviewsByArea = overdueRiskReviewsByArea(filter);
        reviewsByArea.forEach((area, count) -> byArea.computeIfAbsent(area, a -> new long[3])[2] = count);
        long reviews = reviewsByArea.values().stream().mapToLong(Long::longValue).sum();
        List<ComplianceSummary.ManagerFigures> managers = null;
        if (withManagers) {
            caseloads(filter).forEach((manager, caseload) -> byManager.computeIfAbsent(manager, m -> new long[3])[0] = caseload);
            managers = byManager.entrySet().stream()
                    .map(e -> new ComplianceSummary.ManagerFigures(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                    .sorted((a, b) -> Long.compare(b.overdue(), a.overdue()) != 0 ? Long.compare(b.overdue(), a.overdue())
                            : a.managerId().compareTo(b.managerId()))
                    .toList();
        }
        return new ComplianceSummary(asOf, filter.areaCode(), totals[0], totals[1],
                ComplianceSummary.rate(totals[0], totals[1]), oldest[0], reviews,
                byArea.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> new ComplianceSummary.AreaFigures(e.getKey(), e.getValue()[0], e.getValue()[1],
                                ComplianceSummary.rate(e.getValue()[0], e.getValue()[1]), e.getValue()[2]))
                        .toList(),
                byRisk.entrySet().stream()
                        .map(e -> new ComplianceSummary.RiskFigures(e.getKey(), e.getValue()[0], e.getValue()[1])).toList(),
                byBand.entrySet().stream().map(e -> new ComplianceSummary.BandFigures(Band.fromLabel(e.getKey()), e.getValue())).toList(),
                managers);
    }

    /** A page of offenders whose risk review is overdue. */
    public Page<OverdueRiskReview> overdueRiskReviews(OverdueFilter filter, PageRequest page) {
        Sql sql = riskReviewRows(filter)
                .append(" order by " + page.sortField() + (page.ascending() ? " asc" : " desc") + ", offender_id")
                .append(" limit ? offset ?", page.size(), page.offset());
        List<OverdueRiskReview> items = new ArrayList<>();
        long total = query(sql, rs -> {
            long count = 0;
            while (rs.next()) {
                items.add(riskReview(rs));
                count = rs.getLong("total");
            }
            return count;
        });
        if (items.isEmpty() && page.page() > 0) {
            total = overdueRiskReviewsByArea(filter).values().stream().mapToLong(Long::longValue).sum();
        }
        return Page.of(items, page, total);
    }

    /** Every overdue risk review the filter covers, most overdue first. */
    public List<OverdueRiskReview> allOverdueRiskReviews(OverdueFilter filter) {
        return query(riskReviewRows(filter).append(" order by days_overdue desc, offender_id"), rs -> {
            List<OverdueRiskReview> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(riskReview(rs));
            }
            return rows;
        });
    }

    /**
     * The due date of every in-scope offender as of a date (overdue or not), for the compliance scan: offender id,
     * risk, due date and days overdue.
     */
    public List<DueDate> dueDates(LocalDate asOf) {
        Sql sql = new Sql().append(dueCte(OverdueFilter.forceWide(asOf)))
                .append(" select offender_id, risk_level, due_on, ? - due_on as days_overdue, last_visit_on from due", asOf);
        return query(sql, rs -> {
            List<DueDate> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(new DueDate(rs.getObject(1, UUID.class), RiskLevel.valueOf(rs.getString(2)),
                        rs.getObject(3, LocalDate.class), rs.getLong(4), rs.getObject(5, LocalDate.class)));
            }
            return rows;
        });
    }

    /** An in-scope offender's due date as of the scan's date. */
    public record DueDate(UUID offenderId, RiskLevel riskLevel, LocalDate dueOn, long daysOverdue, LocalDate lastVisitOn) {
    }

    /** The overdue rows (without their no-access counts); wrapped by paging, counting or export. */
    private static Sql overdueRows(OverdueFilter filter) {
        LocalDate asOf = filter.asOf();
        Sql sql = new Sql().append(dueCte(filter))
                .append(" select * from (select d.*, ? - d.due_on as days_overdue, count(*) over () as total"
                        + " from due d where d.due_on < ?", asOf, asOf);
        if (filter.minDaysOverdue() != null) {
            sql.append(" and ? - d.due_on >= ?", asOf, filter.minDaysOverdue());
        }
        if (filter.band() != null) {
            sql.append(" and ? - d.due_on between ? and ?", asOf, filter.band().from(), filter.band().to());
        }
        return sql.append(") overdue");
    }

    /** The no-access home visits since the last completed one, for the row aliased {@code row}. */
    private static Sql noAccess(String row, LocalDate asOf) {
        return new Sql().append("(select count(*) from visit v where v.offender_id = " + row + ".offender_id"
                + " and v.type = 'HOME_VISIT' and v.outcome = 'NO_ACCESS' and v.visit_date <= ?"
                + " and (" + row + ".last_visit_on is null or v.visit_date > " + row + ".last_visit_on))", asOf);
    }

    /**
     * The CTE `due`: every in-scope offender (within the filter) with their last completed home visit on or before
     * asOf (one backward index probe each, in a lateral join so it is evaluated once per offender) and due date.
     */
    private static Sql dueCte(OverdueFilter filter) {
        LocalDate asOf = filter.asOf();
        return new Sql()
                .append("with p as (select * from visit_policy where id = 1), due as ("
                        + " select o.offender_id, o.pnc_id, o.display_name, o.risk_level, " + RISK_RANK + " as risk_rank,"
                        + " o.area_code, o.manager_id, lv.last_visit_on, d.due_on"
                        + " from offender_projection o cross join p"
                        + " left join lateral (select max(v.visit_date) as last_visit_on from visit v"
                        + " where v.offender_id = o.offender_id and v.type = 'HOME_VISIT' and v.outcome = 'COMPLETED'"
                        + " and v.visit_date <= ?) lv on true"
                        + " cross join lateral (select greatest("
                        + " case when lv.last_visit_on is null then o.registered_on + p.first_visit_within_days"
                        + " else (lv.last_visit_on + make_interval(months => coalesce(o.visit_interval_months, " + VISIT_MONTHS + ")))::date end,"
                        + " case when lv.last_visit_on is null or o.status_since > lv.last_visit_on"
                        + " then o.status_since + p.first_visit_within_days end) as due_on) d"
                        + " where o.status = 'IN_COMMUNITY' and o.management_mode = 'ACTIVE' and o.registered_on <= ?", asOf, asOf)
                .append(projectionFilters(filter))
                .append(")");
    }

    /** The overdue risk-review rows; wrapped by paging or counting. */
    private static Sql riskReviewRows(OverdueFilter filter) {
        LocalDate asOf = filter.asOf();
        Sql sql = new Sql()
                .append("select * from (select r.*, ? - r.review_due_on as days_overdue, count(*) over () as total from ("
                        + "select o.offender_id, o.pnc_id, o.display_name, o.risk_level, " + RISK_RANK + " as risk_rank,"
                        + " o.area_code, o.manager_id, o.last_risk_assessment_on,"
                        + " (coalesce(o.last_risk_assessment_on, o.registered_on) + make_interval(months => " + REVIEW_MONTHS
                        + "))::date as review_due_on"
                        + " from offender_projection o cross join (select * from visit_policy where id = 1) p"
                        + " where o.status = 'IN_COMMUNITY'", asOf)
                .append(projectionFilters(filter))
                .append(") r where r.review_due_on < ?", asOf);
        if (filter.minDaysOverdue() != null) {
            sql.append(" and ? - r.review_due_on >= ?", asOf, filter.minDaysOverdue());
        }
        if (filter.band() != null) {
            sql.append(" and ? - r.review_due_on between ? and ?", asOf, filter.band().from(), filter.band().to());
        }
        return sql.append(") reviews");
    }

    private Map<String, Long> overdueRiskReviewsByArea(OverdueFilter filter) {
        Sql sql = new Sql().append("select area_code, count(*) from (").append(riskReviewRows(filter)).append(") r group by area_code");
        return query(sql, rs -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
            return counts;
        });
    }

    private Map<UUID, Long> caseloads(OverdueFilter filter) {
        Sql sql = new Sql().append("select o.manager_id, count(*) from offender_projection o where true")
                .append(projectionFilters(filter)).append(" group by o.manager_id");
        return query(sql, rs -> {
            Map<UUID, Long> counts = new LinkedHashMap<>();
            while (rs.next()) {
                counts.put(rs.getObject(1, UUID.class), rs.getLong(2));
            }
            return counts;
        });
    }

    /** Conditions on `o` (offender_projection) from the caller's areas and the filters. */
    private static Sql projectionFilters(OverdueFilter filter) {
        Sql sql = new Sql();
        Optional<Set<String>> areas = filter.callerAreas();
        if (areas.isPresent()) {
            sql.append(" and o.area_code = any(?)", areas.get().isEmpty() ? Set.of("") : areas.get());
        }
        if (filter.areaCode() != null) {
            sql.append(" and o.area_code = ?", filter.areaCode());
        }
        if (filter.managerId() != null) {
            sql.append(" and o.manager_id = ?", filter.managerId());
        }
        if (filter.riskLevel() != null) {
            sql.append(" and o.risk_level = ?", filter.riskLevel());
        }
        return sql;
    }

    private static OverdueRiskReview riskReview(ResultSet rs) throws SQLException {
        return new OverdueRiskReview(rs.getObject("offender_id", UUID.class), rs.getString("pnc_id"),
                rs.getString("display_name"), RiskLevel.valueOf(rs.getString("risk_level")), rs.getString("area_code"),
                rs.getObject("manager_id", UUID.class), rs.getObject("last_risk_assessment_on", LocalDate.class),
                rs.getObject("review_due_on", LocalDate.class), rs.getLong("days_overdue"));
    }

    private static OverdueVisit overdueVisit(ResultSet rs) throws SQLException {
        int noAccess = rs.getInt("no_access");
        return new OverdueVisit(rs.getObject("offender_id", UUID.class), rs.getString("pnc_id"), rs.getString("display_name"),
                RiskLevel.valueOf(rs.getString("risk_level")), rs.getString("area_code"), rs.getObject("manager_id", UUID.class),
                rs.getObject("last_visit_on", LocalDate.class), rs.getObject("due_on", LocalDate.class),
                rs.getLong("days_overdue"), noAccess, noAccess >= ComplianceRule.WARRANT_NO_ACCESS_THRESHOLD);
    }

    private <T> T query(Sql sql, ResultReader<T> reader) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = sql.prepare(connection)) {
            try (ResultSet rs = statement.executeQuery()) {
                return reader.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Compliance query failed", e);
        }
    }

    @FunctionalInterface
    private interface ResultReader<T> {
        T read(ResultSet rs) throws SQLException;
    }
}
