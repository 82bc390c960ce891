package uk.police.oversight.visits.compliance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import uk.police.oversight.common.query.Conditions;
import uk.police.oversight.common.web.Page;
import uk.police.oversight.common.web.PageRequest;
import uk.police.oversight.visits.api.CommunityOffender;
import uk.police.oversight.visits.api.ComplianceSummary;
import uk.police.oversight.visits.api.OverdueRiskReview;
import uk.police.oversight.visits.api.OverdueVisit;
import uk.police.oversight.visits.model.ManagementMode;
import uk.police.oversight.visits.model.RiskLevel;

/**
 * The overdue rule as SQL (docs/domain.md), for lists and summaries at national scale: one pass over the in-scope
 * offenders with an index probe per offender for their latest completed home visit. {@link ComplianceRule} is the
 * reference it is tested to agree with ({@code ComplianceAgreementTest}).
 *
 * <p>The statements are the named text blocks below, with named parameters; the optional filters of a request add
 * conditions to them, never other joins.
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

    private static final String RISK_RANK =
            "case o.risk_level when 'VERY_HIGH' then 4 when 'HIGH' then 3 when 'MEDIUM' then 2 else 1 end";

    /** The policy's home-visit interval for the offender's risk level. */
    private static final String VISIT_MONTHS = """
            case o.risk_level when 'VERY_HIGH' then p.very_high_visit_months when 'HIGH' then p.high_visit_months \
            when 'MEDIUM' then p.medium_visit_months else p.low_visit_months end""";

    /**
     * The CTE {@code due}: every in-scope offender as of {@code :asOf} with their last completed home visit on or
     * before it (one backward index probe each, in a lateral join so it is evaluated once per offender) and their due
     * date: the interval after that visit (the offender's override, else the policy's for their risk), or the
     * first-visit allowance after registration when there is none; never before the allowance after a return to the
     * community since the last visit. {@code %s} takes the filter conditions on {@code o}; the CTE is left open for
     * them and closed by {@link #dueCte}.
     */
    private static final String DUE = """
            with p as (select * from visit_policy where id = 1), due as ( \
            select o.offender_id, o.pnc_id, o.display_name, o.risk_level, %s as risk_rank, \
            o.area_code, o.manager_id, lv.last_visit_on, d.due_on \
            from offender_projection o cross join p \
            left join lateral (select max(v.visit_date) as last_visit_on from visit v \
            where v.offender_id = o.offender_id and v.type = 'HOME_VISIT' and v.outcome = 'COMPLETED' \
            and v.visit_date <= :asOf) lv on true \
            cross join lateral (select greatest( \
            case when lv.last_visit_on is null then o.registered_on + p.first_visit_within_days \
            else (lv.last_visit_on + make_interval(months => coalesce(o.visit_interval_months, %s)))::date end, \
            case when lv.last_visit_on is null or o.status_since > lv.last_visit_on \
            then o.status_since + p.first_visit_within_days end) as due_on) d \
            where o.status = 'IN_COMMUNITY' and o.management_mode = 'ACTIVE' and o.registered_on <= :asOf"""
            .formatted(RISK_RANK, VISIT_MONTHS);

    /**
     * {@link #DUE} from the dates the projection keeps (V4__kept_due_dates.sql): the same rows and columns, exact for any
     * date on or after every offender's latest completed home visit, read from one table with no visit probed.
     */
    private static final String KEPT_DUE = """
            with due as ( \
            select o.offender_id, o.pnc_id, o.display_name, o.risk_level, %s as risk_rank, \
            o.area_code, o.manager_id, o.last_visit_on, o.due_on \
            from offender_projection o \
            where o.status = 'IN_COMMUNITY' and o.management_mode = 'ACTIVE' and o.registered_on <= :asOf"""
            .formatted(RISK_RANK);

    /** The overdue rows of {@link #KEPT_DUE} without a row count, so that a page can stop at its last row. */
    private static final String KEPT_OVERDUE_ROWS = " select d.*, :asOf - d.due_on as days_overdue from due d where d.due_on < :asOf";

    /** The overdue rows of {@code due}, with days overdue and the row count; the day filters add conditions. */
    private static final String OVERDUE_ROWS = """
             select * from (select d.*, :asOf - d.due_on as days_overdue, count(*) over () as total \
            from due d where d.due_on < :asOf""";

    /** The no-access home visits since the last completed one of the row aliased {@code %1$s}. */
    private static final String NO_ACCESS_SINCE_LAST_VISIT = """
            (select count(*) from visit v where v.offender_id = %1$s.offender_id \
            and v.type = 'HOME_VISIT' and v.outcome = 'NO_ACCESS' and v.visit_date <= :asOf \
            and (%1$s.last_visit_on is null or v.visit_date > %1$s.last_visit_on))""";

    /**
     * Every in-community offender with their risk-review due date (kept by the projection: it depends on current facts
     * and the policy only, so it answers every asOf); left open for the filters.
     */
    private static final String REVIEW_DUE = """
            select * from (select r.*, :asOf - r.review_due_on as days_overdue, count(*) over () as total from (\
            select o.offender_id, o.pnc_id, o.display_name, o.risk_level, %s as risk_rank, \
            o.area_code, o.manager_id, o.last_risk_assessment_on, o.review_due_on \
            from offender_projection o \
            where o.status = 'IN_COMMUNITY'""".formatted(RISK_RANK);

    /**
     * The summary's figures in one pass over {@code due}: in scope, overdue and the oldest, force-wide and by area,
     * risk level, manager and band (the grouping sets), each row saying which grouping it belongs to.
     */
    private static final String SUMMARY = """
            , graded as (select d.area_code, d.risk_level, d.manager_id, d.due_on < :asOf as overdue, \
            case when d.due_on < :asOf then :asOf - d.due_on end as days from due d)\
            , banded as (select g.*, %s as band from graded g)\
             select area_code, risk_level, manager_id, band, count(*) as in_scope, \
            count(*) filter (where overdue) as overdue, max(days) as oldest, \
            grouping(area_code) as g_area, grouping(risk_level) as g_risk, grouping(manager_id) as g_manager, \
            grouping(band) as g_band from banded \
            group by grouping sets ((), (area_code), (risk_level), (manager_id), (band), (risk_level, band))""".formatted(Band.sqlCase("g.days"));

    /**
     * Risk reviews and the reactively managed, over everyone in the community (either management mode), force-wide,
     * by area and by risk level. Left open after the where clause for the filters; closed by {@link #REVIEW_GROUPS}.
     */
    private static final String REVIEW_FIGURES = """
            select o.area_code, o.risk_level, count(*) filter (where o.registered_on <= :asOf) as in_community, \
            count(*) filter (where o.review_due_on < :asOf) as overdue, \
            count(*) filter (where o.management_mode = 'REACTIVE' and o.registered_on <= :asOf) as reactive, \
            grouping(o.area_code) as g_area, grouping(o.risk_level) as g_risk \
            from offender_projection o \
            where o.status = 'IN_COMMUNITY'""";

    private static final String REVIEW_GROUPS = " group by grouping sets ((), (o.area_code), (o.risk_level))";

    /**
     * Today's summary in one pass over the narrow offender_figures (V5): each (area, risk level, band) cell's visit
     * and review figures, summed into every grouping by {@link Figures#addKept}, and with managers each manager's
     * figures and caseload. {@code %1$s} takes the manager columns, {@code %2$s} the band; left open after the where clause for the
     * filters; closed by the grouping sets.
     */
    private static final String KEPT_SUMMARY = """
            select area_code, risk_level, %1$s, %2$s as band, count(*) filter (where in_scope) as in_scope, \
            count(*) filter (where days is not null) as overdue, max(days) as oldest, \
            count(*) filter (where in_community) as community_rows, \
            count(*) filter (where in_community and registered_on <= :asOf) as in_community, \
            count(*) filter (where in_community and review_due_on < :asOf) as reviews_overdue, \
            count(*) filter (where in_community and not active and registered_on <= :asOf) as reactive, \
            count(*) as caseload from (\
            select o.*, o.in_community and o.active and o.registered_on <= :asOf as in_scope, \
            case when o.in_community and o.active and o.registered_on <= :asOf and o.due_on < :asOf \
            then :asOf - o.due_on end as days from offender_figures o where true""";

    private static final String KEPT_SUMMARY_GROUPS = ") f group by grouping sets ((area_code, risk_level, band))";
    private static final String KEPT_SUMMARY_GROUPS_WITH_MANAGERS = ") f group by grouping sets ((area_code, risk_level, band), (manager_id))";

    /** Everyone in the community on {@code :asOf}; left open for the overdue-only join. */
    private static final String COMMUNITY = """
             select o.offender_id, o.area_code, o.risk_level, o.management_mode, o.manager_id \
            from offender_projection o %s \
            where o.status = 'IN_COMMUNITY' and o.registered_on <= :asOf \
            and (o.status_since is null or o.status_since <= :asOf) order by o.offender_id""";

    private static final String DUE_DATES =
            " select offender_id, risk_level, due_on, :asOf - due_on as days_overdue, last_visit_on from due";

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    /** A page of overdue offenders, most overdue first unless sorted otherwise. */
    public Page<OverdueVisit> overdue(OverdueFilter filter, PageRequest page) {
        String order = " order by " + page.sortField() + (page.ascending() ? " asc" : " desc") + " nulls last, offender_id";
        if (keptDatesAnswer(filter.asOf()) && !page.sortField().equals("no_access")) {
            return keptOverdue(filter, page, order);
        }
        Sql sql;
        if (page.sortField().equals("no_access")) {
            sql = Sql.of("select * from (select overdue.*, " + noAccess("overdue") + " as no_access from (")
                    .append(overdueRows(filter)).append(") overdue) counted" + order + " limit :limit offset :offset");
        } else {
            // Only the page's rows need their no-access visits counted.
            sql = Sql.of("select page.*, " + noAccess("page") + " as no_access from (")
                    .append(overdueRows(filter)).append(order + " limit :limit offset :offset) page" + order);
        }
        sql.bind("asOf", filter.asOf()).bind("limit", page.size()).bind("offset", page.offset());
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
        return page.pageOf(items, total);
    }

    /**
     * A page from the kept dates: the page's rows in the order asked (most overdue first is the due-date index in
     * order, read no further than the page's last row), and their count apart.
     */
    private Page<OverdueVisit> keptOverdue(OverdueFilter filter, PageRequest page, String order) {
        // Most overdue first is earliest due first, the order of offender_projection_due_idx.
        boolean byDays = page.sortField().equals("days_overdue");
        String innerOrder = byDays ? " order by due_on" + (page.ascending() ? " desc" : " asc") + ", offender_id" : order;
        Sql sql = Sql.of("select page.*, " + noAccess("page") + " as no_access from (").append(keptDue(filter))
                .append(KEPT_OVERDUE_ROWS).append(dayFilters(filter, "d.due_on"))
                .append(innerOrder + " limit :limit offset :offset) page" + order)
                .bind("limit", page.size()).bind("offset", page.offset());
        List<OverdueVisit> items = query(sql, rs -> {
            List<OverdueVisit> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(overdueVisit(rs));
            }
            return rows;
        });
        long total = items.size() < page.size() && (page.page() == 0 || !items.isEmpty()) ? page.offset() + items.size()
                : countOverdue(filter);
        return page.pageOf(items, total);
    }

    /**
     * Whether the kept due dates answer a date: for today or later (no visit may be dated after today), when no
     * offender's latest completed home visit is after it (which a visit written straight into the database could be).
     * Any other date is answered by the computed path, which looks at the visits on or before it.
     */
    boolean keptDatesAnswer(LocalDate asOf) {
        if (asOf.isBefore(LocalDate.now(clock))) {
            return false;
        }
        return query(Sql.of("select max(last_visit_on) from offender_projection"), rs -> {
            rs.next();
            LocalDate latest = rs.getObject(1, LocalDate.class);
            return latest == null || !latest.isAfter(asOf);
        });
    }

    /** Every overdue offender the filter covers, most overdue first (for CSV export). */
    public List<OverdueVisit> allOverdue(OverdueFilter filter) {
        Sql sql = Sql.of("select overdue.*, " + noAccess("overdue") + " as no_access from (")
                .append(overdueRows(filter)).append(") overdue order by days_overdue desc, offender_id")
                .bind("asOf", filter.asOf());
        return query(sql, rs -> {
            List<OverdueVisit> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(overdueVisit(rs));
            }
            return rows;
        });
    }

    public long countOverdue(OverdueFilter filter) {
        Sql sql = dueCte(filter).append(" select count(*) from due d where d.due_on < :asOf").append(dayFilters(filter, "d.due_on"));
        return query(sql, rs -> {
            rs.next();
            return rs.getLong(1);
        });
    }

    /** One (area, risk level) cell of today's figures, for the business metrics (ComplianceMetrics). */
    public record Cell(String areaCode, RiskLevel riskLevel, long inScope, long overdue, long oldestDaysOverdue,
            long reviewsOverdue) {
    }

    /**
     * Force-wide figures by area and risk level from the kept due dates, by the summary's own statement (its bands left
     * out); empty when the kept dates do not answer the date (see {@link #keptDatesAnswer}).
     */
    public java.util.Optional<List<Cell>> cells(LocalDate asOf) {
        if (!keptDatesAnswer(asOf)) {
            return java.util.Optional.empty();
        }
        Sql sql = Sql.of(KEPT_SUMMARY.formatted("null::uuid as manager_id, 1 as g_manager", "null::varchar"))
                .append(KEPT_SUMMARY_GROUPS).bind("asOf", asOf);
        return java.util.Optional.of(query(sql, rs -> {
            List<Cell> cells = new ArrayList<>();
            while (rs.next()) {
                cells.add(new Cell(rs.getString("area_code"), RiskLevel.valueOf(rs.getString("risk_level")),
                        rs.getLong("in_scope"), rs.getLong("overdue"), rs.getLong("oldest"), rs.getLong("reviews_overdue")));
            }
            return cells;
        }));
    }

    /** The figures of the summary; {@code withManagers} adds byManager (not for scrutiny). */
    public ComplianceSummary summary(OverdueFilter filter, boolean withManagers) {
        return summary(filter, withManagers, keptDatesAnswer(filter.asOf()));
    }

    /** The summary from the kept dates (one pass over offender_figures) or computed (the due CTE, then reviews and caseloads). */
    ComplianceSummary summary(OverdueFilter filter, boolean withManagers, boolean kept) {
        Figures figures = new Figures();
        if (kept) {
            String managerColumns = withManagers ? "manager_id, grouping(manager_id) as g_manager" : "null::uuid as manager_id, 1 as g_manager";
            Sql sql = Sql.of(KEPT_SUMMARY.formatted(managerColumns, Band.sqlCase("days"))).append(projectionFilters(filter))
                    .append(withManagers ? KEPT_SUMMARY_GROUPS_WITH_MANAGERS : KEPT_SUMMARY_GROUPS).bind("asOf", filter.asOf());
            query(sql, rs -> {
                while (rs.next()) {
                    figures.addKept(rs);
                }
                return null;
            });
        } else {
            query(computedDue(filter).append(SUMMARY), rs -> {
                while (rs.next()) {
                    figures.add(SummaryRow.of(rs));
                }
                return null;
            });
            reviewFigures(filter, figures);
            if (withManagers) {
                caseloads(filter).forEach((manager, caseload) -> figures.caseloads.put(manager, caseload));
            }
        }
        return figures.summary(filter, withManagers);
    }

    /** The summary's figures as they are gathered, by grouping, and the answer assembled from them. */
    private static final class Figures {
        Counts total = Counts.NONE;
        final Map<String, Counts> byArea = new TreeMap<>();
        final Map<RiskLevel, Counts> byRisk = new EnumMap<>(RiskLevel.class);
        final Map<Band, Long> byBand = new EnumMap<>(Band.class);
        final Map<RiskLevel, Map<Band, Long>> byRiskAndBand = new EnumMap<>(RiskLevel.class);
        final Map<UUID, Counts> byManager = new HashMap<>();
        final Map<UUID, Long> caseloads = new HashMap<>();
        ReviewCounts reviews = ReviewCounts.NONE;
        final Map<String, ReviewCounts> reviewsByArea = new HashMap<>();
        final Map<RiskLevel, ReviewCounts> reviewsByRisk = new EnumMap<>(RiskLevel.class);

        Figures() {
            for (RiskLevel level : RiskLevel.values()) {
                byRisk.put(level, Counts.NONE);
                Map<Band, Long> bands = new EnumMap<>(Band.class);
                for (Band band : Band.values()) {
                    bands.put(band, 0L);
                }
                byRiskAndBand.put(level, bands);
            }
            for (Band band : Band.values()) {
                byBand.put(band, 0L);
            }
        }

        /** A row of the computed {@link #SUMMARY}: one grouping's figures. */
        void add(SummaryRow row) {
            switch (row.grouping()) {
                case TOTAL -> total = row.counts();
                case AREA -> byArea.put(row.areaCode(), row.counts());
                case RISK_LEVEL -> byRisk.put(row.riskLevel(), row.counts());
                case MANAGER -> byManager.put(row.managerId(), row.counts());
                case BAND -> {
                    if (row.band() != null) {
                        byBand.put(row.band(), row.counts().overdue());
                    }
                }
                case RISK_AND_BAND -> {
                    if (row.band() != null) {
                        byRiskAndBand.get(row.riskLevel()).put(row.band(), row.counts().overdue());
                    }
                }
            }
        }

        /** A row of {@link #KEPT_SUMMARY}: an (area, risk level, band) cell, summed into every grouping, or a manager. */
        void addKept(ResultSet rs) throws SQLException {
            long oldest = rs.getLong("oldest");
            Counts counts = new Counts(rs.getLong("in_scope"), rs.getLong("overdue"), rs.wasNull() ? null : oldest);
            if (rs.getInt("g_manager") == 0) {
                UUID manager = rs.getObject("manager_id", UUID.class);
                byManager.put(manager, counts);
                caseloads.put(manager, rs.getLong("caseload"));
                return;
            }
            String area = rs.getString("area_code");
            RiskLevel risk = RiskLevel.valueOf(rs.getString("risk_level"));
            String bandLabel = rs.getString("band");
            ReviewCounts review = new ReviewCounts(rs.getLong("in_community"), rs.getLong("reviews_overdue"), rs.getLong("reactive"));
            total = total.plus(counts);
            byRisk.merge(risk, counts, Counts::plus);
            reviews = reviews.plus(review);
            reviewsByRisk.merge(risk, review, ReviewCounts::plus);
            // An area is listed when anyone there is in scope or in the community, as the computed path lists them.
            if (counts.inScope() > 0 || rs.getLong("community_rows") > 0) {
                byArea.merge(area, counts, Counts::plus);
            }
            if (rs.getLong("community_rows") > 0) {
                reviewsByArea.merge(area, review, ReviewCounts::plus);
            }
            if (bandLabel != null) {
                Band band = Band.fromLabel(bandLabel);
                byBand.merge(band, counts.overdue(), Long::sum);
                byRiskAndBand.get(risk).merge(band, counts.overdue(), Long::sum);
            }
        }

        ComplianceSummary summary(OverdueFilter filter, boolean withManagers) {
            reviewsByArea.keySet().forEach(area -> byArea.putIfAbsent(area, Counts.NONE));
            List<ComplianceSummary.ManagerFigures> managers = null;
            if (withManagers) {
                caseloads.keySet().forEach(manager -> byManager.putIfAbsent(manager, Counts.NONE));
                managers = byManager.entrySet().stream()
                        .map(e -> new ComplianceSummary.ManagerFigures(e.getKey(), caseloads.getOrDefault(e.getKey(), 0L),
                                e.getValue().inScope(), e.getValue().overdue()))
                        .sorted(Comparator.comparingLong(ComplianceSummary.ManagerFigures::overdue).reversed()
                                .thenComparing(ComplianceSummary.ManagerFigures::managerId))
                        .toList();
            }
            return new ComplianceSummary(filter.asOf(), filter.areaCode(), total.inScope(), total.overdue(),
                    ComplianceSummary.rate(total.inScope(), total.overdue()), total.oldest(), reviews.overdue(),
                    reviews.inCommunity(), ComplianceSummary.rate(reviews.inCommunity(), reviews.overdue()),
                    reviews.reactive(),
                    byArea.entrySet().stream().map(e -> {
                        Counts visits = e.getValue();
                        ReviewCounts area = reviewsByArea.getOrDefault(e.getKey(), ReviewCounts.NONE);
                        return new ComplianceSummary.AreaFigures(e.getKey(), visits.inScope(), visits.overdue(),
                                ComplianceSummary.rate(visits.inScope(), visits.overdue()), visits.oldest(), area.overdue(),
                                area.inCommunity(), ComplianceSummary.rate(area.inCommunity(), area.overdue()), area.reactive());
                    }).toList(),
                    byRisk.entrySet().stream().map(e -> {
                        Counts visits = e.getValue();
                        ReviewCounts level = reviewsByRisk.getOrDefault(e.getKey(), ReviewCounts.NONE);
                        return new ComplianceSummary.RiskFigures(e.getKey(), visits.inScope(), visits.overdue(),
                                ComplianceSummary.rate(visits.inScope(), visits.overdue()), visits.oldest(), level.overdue(),
                                level.inCommunity(), ComplianceSummary.rate(level.inCommunity(), level.overdue()), level.reactive());
                    }).toList(),
                    byBand.entrySet().stream().map(e -> new ComplianceSummary.BandFigures(e.getKey(), e.getValue())).toList(),
                    byRiskAndBand.entrySet().stream().flatMap(risk -> risk.getValue().entrySet().stream()
                            .map(band -> new ComplianceSummary.RiskBandFigures(risk.getKey(), band.getKey(), band.getValue())))
                            .toList(),
                    managers);
        }
    }

    /** Every offender in the community on a date (registered by it, back in the community by it), overdue or not. */
    /**
     * Everyone in the community on the date; with {@code overdueOnly}, only those {@code due} has overdue a home visit
     * then (the due dates are computed only for that).
     */
    public List<CommunityOffender> community(LocalDate asOf, boolean overdueOnly) {
        Sql sql = overdueOnly
                ? dueCte(OverdueFilter.forceWide(asOf)).append(COMMUNITY.formatted("join due d on d.offender_id = o.offender_id and d.due_on < :asOf"))
                : Sql.of(COMMUNITY.formatted("")).bind("asOf", asOf);
        return query(sql, rs -> {
            List<CommunityOffender> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(new CommunityOffender(rs.getObject("offender_id", UUID.class), rs.getString("area_code"),
                        RiskLevel.valueOf(rs.getString("risk_level")),
                        ManagementMode.valueOf(rs.getString("management_mode")),
                        rs.getObject("manager_id", UUID.class)));
            }
            return rows;
        });
    }

    /** A page of offenders whose risk review is overdue. */
    public Page<OverdueRiskReview> overdueRiskReviews(OverdueFilter filter, PageRequest page) {
        Sql sql = riskReviewRows(filter)
                .append(" order by " + page.sortField() + (page.ascending() ? " asc" : " desc") + ", offender_id")
                .append(" limit :limit offset :offset").bind("limit", page.size()).bind("offset", page.offset());
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
        return page.pageOf(items, total);
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

    /** The due date of every in-scope offender as of a date (overdue or not), for the compliance scan. */
    public List<DueDate> dueDates(LocalDate asOf) {
        Sql sql = dueCte(OverdueFilter.forceWide(asOf)).append(DUE_DATES);
        return query(sql, rs -> {
            List<DueDate> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(new DueDate(rs.getObject("offender_id", UUID.class), RiskLevel.valueOf(rs.getString("risk_level")),
                        rs.getObject("due_on", LocalDate.class), rs.getLong("days_overdue"),
                        rs.getObject("last_visit_on", LocalDate.class)));
            }
            return rows;
        });
    }

    /** An in-scope offender's due date as of the scan's date. */
    public record DueDate(UUID offenderId, RiskLevel riskLevel, LocalDate dueOn, long daysOverdue, LocalDate lastVisitOn) {
    }

    /** In scope, overdue and the oldest overdue, for one grouping of the summary. */
    private record Counts(long inScope, long overdue, Long oldest) {
        static final Counts NONE = new Counts(0, 0, null);

        Counts plus(Counts other) {
            Long most = oldest == null ? other.oldest : other.oldest == null ? oldest : Long.valueOf(Math.max(oldest, other.oldest));
            return new Counts(inScope + other.inScope, overdue + other.overdue, most);
        }
    }

    /** In the community, overdue a risk review, and reactively managed, for one grouping of {@link #REVIEW_FIGURES}. */
    private record ReviewCounts(long inCommunity, long overdue, long reactive) {
        static final ReviewCounts NONE = new ReviewCounts(0, 0, 0);

        ReviewCounts plus(ReviewCounts other) {
            return new ReviewCounts(inCommunity + other.inCommunity, overdue + other.overdue, reactive + other.reactive);
        }
    }

    /** Which grouping set of {@link #SUMMARY} a row belongs to. */
    private enum Grouping { TOTAL, AREA, RISK_LEVEL, MANAGER, BAND, RISK_AND_BAND }

    /** One row of {@link #SUMMARY}: its grouping, the grouping's key (the other keys are null) and its figures. */
    private record SummaryRow(Grouping grouping, String areaCode, RiskLevel riskLevel, UUID managerId, Band band,
            Counts counts) {

        static SummaryRow of(ResultSet rs) throws SQLException {
            Grouping grouping = rs.getInt("g_area") == 0 ? Grouping.AREA
                    : rs.getInt("g_risk") == 0 && rs.getInt("g_band") == 0 ? Grouping.RISK_AND_BAND
                    : rs.getInt("g_risk") == 0 ? Grouping.RISK_LEVEL
                    : rs.getInt("g_manager") == 0 ? Grouping.MANAGER
                    : rs.getInt("g_band") == 0 ? Grouping.BAND
                    : Grouping.TOTAL;
            String risk = rs.getString("risk_level");
            String band = rs.getString("band");
            long oldest = rs.getLong("oldest");
            Long oldestOrNull = rs.wasNull() ? null : oldest;
            return new SummaryRow(grouping, rs.getString("area_code"), risk == null ? null : RiskLevel.valueOf(risk),
                    rs.getObject("manager_id", UUID.class), band == null ? null : Band.fromLabel(band),
                    new Counts(rs.getLong("in_scope"), rs.getLong("overdue"), oldestOrNull));
        }
    }

    /**
     * The CTE {@code due} for the filter's offenders, closed, with {@code :asOf} bound: from the kept dates when they
     * answer the date, else {@link #DUE}'s computed ones.
     */
    private Sql dueCte(OverdueFilter filter) {
        return keptDatesAnswer(filter.asOf()) ? keptDue(filter) : computedDue(filter);
    }

    /** {@link #DUE}, computed from the visits on or before asOf. */
    Sql computedDue(OverdueFilter filter) {
        return Sql.of(DUE).append(projectionFilters(filter)).append(")").bind("asOf", filter.asOf());
    }

    /** {@link #KEPT_DUE}, read from the projection. */
    static Sql keptDue(OverdueFilter filter) {
        return Sql.of(KEPT_DUE).append(projectionFilters(filter)).append(")").bind("asOf", filter.asOf());
    }

    /** The overdue rows (without their no-access counts); wrapped by paging, counting or export. */
    private Sql overdueRows(OverdueFilter filter) {
        return dueCte(filter).append(OVERDUE_ROWS).append(dayFilters(filter, "d.due_on")).append(") overdue");
    }

    /** The overdue risk-review rows; wrapped by paging or counting. */
    private static Sql riskReviewRows(OverdueFilter filter) {
        return Sql.of(REVIEW_DUE).append(projectionFilters(filter)).append(") r where r.review_due_on < :asOf")
                .append(dayFilters(filter, "r.review_due_on")).append(") reviews").bind("asOf", filter.asOf());
    }

    private static String noAccess(String row) {
        return NO_ACCESS_SINCE_LAST_VISIT.formatted(row);
    }

    private Map<String, Long> overdueRiskReviewsByArea(OverdueFilter filter) {
        Sql sql = Sql.of("select area_code, count(*) from (").append(riskReviewRows(filter)).append(") r group by area_code");
        return query(sql, rs -> {
            Map<String, Long> counts = new HashMap<>();
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
            return counts;
        });
    }

    private void reviewFigures(OverdueFilter filter, Figures figures) {
        Sql sql = Sql.of(REVIEW_FIGURES).append(projectionFilters(filter)).append(REVIEW_GROUPS).bind("asOf", filter.asOf());
        query(sql, rs -> {
            while (rs.next()) {
                ReviewCounts counts = new ReviewCounts(rs.getLong("in_community"), rs.getLong("overdue"), rs.getLong("reactive"));
                if (rs.getInt("g_area") == 0) {
                    figures.reviewsByArea.put(rs.getString("area_code"), counts);
                } else if (rs.getInt("g_risk") == 0) {
                    figures.reviewsByRisk.put(RiskLevel.valueOf(rs.getString("risk_level")), counts);
                } else {
                    figures.reviews = counts;
                }
            }
            return null;
        });
    }

    private Map<UUID, Long> caseloads(OverdueFilter filter) {
        Sql sql = Sql.of("select o.manager_id, count(*) from offender_projection o where true")
                .append(projectionFilters(filter)).append(" group by o.manager_id");
        return query(sql, rs -> {
            Map<UUID, Long> counts = new HashMap<>();
            while (rs.next()) {
                counts.put(rs.getObject(1, UUID.class), rs.getLong(2));
            }
            return counts;
        });
    }

    /** Conditions on {@code o} (offender_projection) from the caller's areas and the filters. */
    private static Sql projectionFilters(OverdueFilter filter) {
        Sql sql = new Sql();
        Optional<Set<String>> areas = filter.callerAreas();
        if (areas.isPresent()) {
            sql.append(" and o.area_code = any(:callerAreas)").bind("callerAreas", Conditions.areasParameter(areas.get()));
        }
        if (filter.areaCode() != null) {
            sql.append(" and o.area_code = :areaCode").bind("areaCode", filter.areaCode());
        }
        if (filter.managerId() != null) {
            sql.append(" and o.manager_id = :managerId").bind("managerId", filter.managerId());
        }
        if (filter.riskLevel() != null) {
            sql.append(" and o.risk_level = :riskLevel").bind("riskLevel", filter.riskLevel());
        }
        return sql;
    }

    /** The minimum-days and band filters, on the days between {@code dueColumn} and {@code :asOf}. */
    private static Sql dayFilters(OverdueFilter filter, String dueColumn) {
        Sql sql = new Sql();
        if (filter.minDaysOverdue() != null) {
            sql.append(" and :asOf - " + dueColumn + " >= :minDaysOverdue").bind("minDaysOverdue", filter.minDaysOverdue());
        }
        if (filter.band() != null) {
            sql.append(" and :asOf - " + dueColumn + " between :bandFrom and :bandTo")
                    .bind("bandFrom", filter.band().from()).bind("bandTo", filter.band().to());
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
