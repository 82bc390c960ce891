package uk.police.oversight.visits.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import uk.police.oversight.visits.VisitApiTest;
import uk.police.oversight.visits.api.ComplianceSummary;
import uk.police.oversight.visits.api.OverdueVisit;
import uk.police.oversight.visits.model.ManagementMode;
import uk.police.oversight.visits.model.OffenderStatus;
import uk.police.oversight.visits.model.RiskLevel;
import uk.police.oversight.visits.model.VisitOutcome;
import uk.police.oversight.visits.model.VisitType;

/**
 * Property-style check that the SQL path of the lists and summaries and the pure {@link ComplianceRule} agree: thousands
 * of random offenders and visits, rich in month ends, leap days, returns from custody, overrides and no-access runs,
 * compared for many asOf dates.
 */
@QuarkusTest
class ComplianceAgreementTest extends VisitApiTest {

    private static final long SEED = 20220630L;
    private static final int OFFENDERS = 3000;

    @Inject
    ComplianceQueries queries;

    @Inject
    DataSource db;

    @Inject
    java.time.Clock clock;

    private static boolean worldInserted;

    /** The random world of {@link #OFFENDERS} offenders, inserted once for the tests of this class. */
    private Random world() throws SQLException {
        Random random = new Random(SEED);
        if (!worldInserted) {
            insertRandomWorld(random);
            worldInserted = true;
        }
        return random;
    }

    @Test
    void theSqlPathAndThePureRuleAgreeForManyDates() throws SQLException {
        Random random = world();
        Map<UUID, Row> offenders = loadOffenders();
        Map<UUID, List<VisitFact>> visits = loadVisits();
        VisitPolicy policy = loadPolicy();
        List<LocalDate> dates = new ArrayList<>(List.of(LocalDate.parse("2020-02-29"), LocalDate.parse("2021-02-28"),
                LocalDate.parse("2022-06-30"), LocalDate.parse("2019-12-31"), LocalDate.parse("2023-03-31")));
        for (int i = 0; i < 20; i++) {
            dates.add(LocalDate.of(2016, 1, 1).plusDays(random.nextInt(8 * 365)));
        }
        int comparedOverdue = 0;
        for (LocalDate asOf : dates) {
            Map<UUID, OverdueVisit> sql = queries.allOverdue(OverdueFilter.forceWide(asOf)).stream()
                    .collect(Collectors.toMap(OverdueVisit::offenderId, Function.identity()));
            long inScope = 0;
            long overdue = 0;
            long reviews = 0;
            for (Row offender : offenders.values()) {
                Schedule pure = ComplianceRule.evaluate(offender.facts(), visits.getOrDefault(offender.id(), List.of()), policy, asOf);
                inScope += pure.inScope() ? 1 : 0;
                reviews += pure.reviewOverdue() ? 1 : 0;
                OverdueVisit row = sql.get(offender.id());
                if (!pure.overdue()) {
                    assertTrue(row == null, () -> offender.id() + " is overdue by SQL but not by the rule, as of " + asOf);
                    continue;
                }
                overdue++;
                String where = offender.id() + " as of " + asOf;
                assertTrue(row != null, () -> where + " is overdue by the rule but not by SQL");
                assertEquals(pure.dueOn(), row.dueOn(), where + " dueOn");
                assertEquals(pure.lastVisitOn(), row.lastVisitOn(), where + " lastVisitOn");
                assertEquals(pure.daysOverdue(), row.daysOverdue(), where + " daysOverdue");
                assertEquals(pure.consecutiveNoAccess(), row.consecutiveNoAccess(), where + " consecutiveNoAccess");
                assertEquals(pure.warrantEligible(), row.warrantEligible(), where + " warrantEligible");
                comparedOverdue++;
            }
            assertEquals(overdue, sql.size(), "overdue count as of " + asOf);
            ComplianceSummary summary = queries.summary(OverdueFilter.forceWide(asOf), true);
            assertEquals(inScope, summary.inScope(), "in scope as of " + asOf);
            assertEquals(overdue, summary.overdue(), "summary overdue as of " + asOf);
            assertEquals(reviews, summary.overdueRiskReviews(), "overdue risk reviews as of " + asOf);
        }
        assertTrue(comparedOverdue > 5_000, "the random world should make many overdue rows to compare: " + comparedOverdue);
    }

    @Test
    void theKeptDatesAndThePureRuleAgreeForTodayAndLater() throws SQLException {
        world();
        Map<UUID, Row> offenders = loadOffenders();
        Map<UUID, List<VisitFact>> visits = loadVisits();
        VisitPolicy policy = loadPolicy();
        LocalDate today = LocalDate.now(clock);
        for (LocalDate asOf : List.of(today, today.plusDays(1), today.plusMonths(7), LocalDate.of(2099, 12, 31))) {
            assertTrue(queries.keptDatesAnswer(asOf), "the kept dates answer " + asOf);
            assertAgree(offenders, visits, policy, OverdueFilter.forceWide(asOf));
        }
        assertFalse(queries.keptDatesAnswer(today.minusDays(1)), "a past date is answered by the computed path");
    }

    /**
     * Property: whatever sequence of changes the offenders, their visits and the policy go through — visits recorded one
     * at a time and in batches, amended, removed; facts changed by events (risk, override, status and return to the
     * community, registration, management mode, risk assessment); the policy changed; a row rebuilt after its visits;
     * an offender erased — the dates the projection keeps are the pure rule's, row for row, and today's (and a later
     * date's) lists and summaries are the rule's. Each seed is a different interleaving of changes and reads; a failure
     * names its seed and the changes so far.
     */
    @Test
    void theKeptDatesStayTheRulesThroughRandomChangesAndReads() throws SQLException {
        VisitPolicy original = loadPolicy();
        try {
            for (long seed = 1; seed <= 6; seed++) {
                new Interleaving(seed, "KEPT" + seed).run();
            }
        } finally {
            setPolicy(original);
        }
    }

    /** One random interleaving of changes and reads over its own area's offenders. */
    private final class Interleaving {

        private final long seed;
        private final String area;
        private final Random random;
        private final LocalDate today = LocalDate.now(clock);
        private final List<UUID> ids = new ArrayList<>();
        private final Map<UUID, Long> versions = new HashMap<>();
        private final List<String> changes = new ArrayList<>();

        Interleaving(long seed, String area) {
            this.seed = seed;
            this.area = area;
            this.random = new Random(seed);
        }

        void run() throws SQLException {
            for (int i = 0; i < 40; i++) {
                upsertOffender(UUID.randomUUID());
            }
            for (int step = 0; step < 120; step++) {
                change();
                assertRowsKeepTheRulesDates();
                if (step % 10 == 9) {
                    LocalDate later = today.plusDays(random.nextInt(400));
                    for (LocalDate asOf : List.of(today, later)) {
                        OverdueFilter filter = new OverdueFilter(asOf, java.util.Optional.empty(), area, null, null, null, null);
                        assertAgree(loadOffenders(area), loadVisits(), loadPolicy(), filter);
                    }
                }
            }
        }

        private void change() throws SQLException {
            int kind = random.nextInt(100);
            UUID id = ids.get(random.nextInt(ids.size()));
            if (kind < 30) {
                execute("insert into visit (id, offender_id, visit_date, type, outcome, announced, recorded_by)"
                        + " values (?, ?, ?, ?, ?, false, 'kept-test')", UUID.randomUUID(), id, visitDate(), type(), outcome());
                note("visit recorded for " + id);
            } else if (kind < 38) {
                StringBuilder sql = new StringBuilder("insert into visit (id, offender_id, visit_date, type, outcome, announced, recorded_by) values ");
                List<Object> values = new ArrayList<>();
                int rows = 2 + random.nextInt(30);
                for (int r = 0; r < rows; r++) {
                    sql.append(r == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, false, 'kept-test')");
                    values.addAll(List.of(UUID.randomUUID(), ids.get(random.nextInt(ids.size())), visitDate(), type(), outcome()));
                }
                execute(sql.toString(), values.toArray());
                note(rows + " visits recorded in one statement");
            } else if (kind < 50) {
                execute("update visit set visit_date = ?, outcome = ?, type = ? where id = (select id from visit"
                        + " where offender_id = ? order by id limit 1)", visitDate(), outcome(), type(), id);
                note("a visit of " + id + " amended");
            } else if (kind < 56) {
                execute("delete from visit where id = (select id from visit where offender_id = ? order by visit_date desc limit 1)", id);
                note("the latest visit of " + id + " removed");
            } else if (kind < 80) {
                upsertOffender(id);
                note("facts of " + id + " changed");
            } else if (kind < 85) {
                Map<RiskLevel, Integer> visitMonths = new java.util.EnumMap<>(RiskLevel.class);
                Map<RiskLevel, Integer> reviewMonths = new java.util.EnumMap<>(RiskLevel.class);
                for (RiskLevel level : RiskLevel.values()) {
                    visitMonths.put(level, 1 + random.nextInt(24));
                    reviewMonths.put(level, 1 + random.nextInt(36));
                }
                setPolicy(new VisitPolicy(visitMonths, reviewMonths, 1 + random.nextInt(60), 28));
                note("policy changed to " + visitMonths + " " + reviewMonths);
            } else if (kind < 93) {
                execute("delete from offender_projection where offender_id = ?", id);
                upsertOffender(id);
                note(id + " rebuilt after its visits");
            } else {
                execute("delete from offender_projection where offender_id = ?", id);
                execute("delete from visit where offender_id = ?", id);
                ids.remove(id);
                upsertOffender(UUID.randomUUID());
                note(id + " erased, another registered");
            }
        }

        /** Every row's kept visit and due dates are the rule's for an in-scope offender with its facts. */
        private void assertRowsKeepTheRulesDates() throws SQLException {
            Map<UUID, List<VisitFact>> visits = loadVisits();
            VisitPolicy policy = loadPolicy();
            try (Connection connection = db.getConnection(); PreparedStatement select = connection.prepareStatement(
                    "select offender_id, last_visit_on, due_on, review_due_on from offender_projection where area_code = ?")) {
                select.setString(1, area);
                Map<UUID, Row> offenders = loadOffenders(area);
                try (ResultSet rs = select.executeQuery()) {
                    int rows = 0;
                    while (rs.next()) {
                        rows++;
                        RuleInputs facts = offenders.get(rs.getObject(1, UUID.class)).facts();
                        RuleInputs inScope = new RuleInputs(facts.riskLevel(), ManagementMode.ACTIVE, OffenderStatus.IN_COMMUNITY,
                                facts.statusSince(), facts.registeredOn(), facts.visitIntervalMonths(), facts.lastRiskAssessmentOn());
                        LocalDate asOf = facts.registeredOn().isAfter(today) ? facts.registeredOn() : today;
                        Schedule pure = ComplianceRule.evaluate(inScope, visits.getOrDefault(rs.getObject(1, UUID.class), List.of()), policy, asOf);
                        String where = "seed " + seed + ", offender " + rs.getObject(1) + " after " + changes;
                        assertEquals(pure.lastVisitOn(), rs.getObject(2, LocalDate.class), where + ": last visit");
                        assertEquals(pure.dueOn(), rs.getObject(3, LocalDate.class), where + ": due on");
                        assertEquals(pure.reviewDueOn(), rs.getObject(4, LocalDate.class), where + ": review due on");
                    }
                    assertEquals(ids.size(), rows, "seed " + seed + ": every offender has a row");
                }
            }
        }

        private void upsertOffender(UUID id) throws SQLException {
            long version = versions.merge(id, 1L, Long::sum);
            if (!ids.contains(id)) {
                ids.add(id);
            }
            LocalDate registered = someDate(random, 2016, 2024);
            OffenderStatus[] statuses = OffenderStatus.values();
            OffenderStatus status = random.nextInt(10) < 7 ? OffenderStatus.IN_COMMUNITY : statuses[random.nextInt(statuses.length)];
            // The projector's upsert (OffenderProjector.project): an event's facts replace the row's.
            execute("insert into offender_projection (offender_id, version, pnc_id, display_name, risk_level, management_mode,"
                    + " status, status_since, area_code, manager_id, registered_on, visit_interval_months, last_risk_assessment_on)"
                    + " values (?, ?, ?, 'Kept Test', ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (offender_id) do update set"
                    + " version = excluded.version, risk_level = excluded.risk_level, management_mode = excluded.management_mode,"
                    + " status = excluded.status, status_since = excluded.status_since, registered_on = excluded.registered_on,"
                    + " visit_interval_months = excluded.visit_interval_months,"
                    + " last_risk_assessment_on = excluded.last_risk_assessment_on, updated_at = now()",
                    id, version, "KEPT/" + id.toString().substring(0, 8), RiskLevel.values()[random.nextInt(4)].name(),
                    (random.nextInt(100) < 15 ? ManagementMode.REACTIVE : ManagementMode.ACTIVE).name(), status.name(),
                    random.nextInt(3) == 0 ? registered : someDate(random, registered.getYear(), today.getYear() - 1), area,
                    UUID.randomUUID(), registered, random.nextInt(100) < 20 ? (Object) (short) (1 + random.nextInt(24)) : null,
                    random.nextInt(10) < 7 ? someDate(random, registered.getYear(), today.getYear() - 1) : null);
        }

        private LocalDate visitDate() {
            LocalDate date = someDate(random, 2016, today.getYear());
            return date.isAfter(today) ? today : date;
        }

        private String type() {
            return (random.nextInt(10) < 8 ? VisitType.HOME_VISIT : VisitType.OTHER_CONTACT).name();
        }

        private String outcome() {
            int outcome = random.nextInt(10);
            return (outcome < 7 ? VisitOutcome.COMPLETED : outcome < 9 ? VisitOutcome.NO_ACCESS : VisitOutcome.CANCELLED).name();
        }

        private void note(String change) {
            changes.add(change);
        }
    }

    /** The lists and summary of the filter agree with the pure rule over the given offenders and visits. */
    private void assertAgree(Map<UUID, Row> offenders, Map<UUID, List<VisitFact>> visits, VisitPolicy policy, OverdueFilter filter) {
        LocalDate asOf = filter.asOf();
        Map<UUID, OverdueVisit> sql = queries.allOverdue(filter).stream()
                .collect(Collectors.toMap(OverdueVisit::offenderId, Function.identity()));
        long inScope = 0;
        long overdue = 0;
        long reviews = 0;
        Long oldest = null;
        for (Row offender : offenders.values()) {
            Schedule pure = ComplianceRule.evaluate(offender.facts(), visits.getOrDefault(offender.id(), List.of()), policy, asOf);
            inScope += pure.inScope() ? 1 : 0;
            reviews += pure.reviewOverdue() ? 1 : 0;
            OverdueVisit row = sql.get(offender.id());
            String where = offender.id() + " as of " + asOf;
            if (!pure.overdue()) {
                assertTrue(row == null, () -> where + " is overdue by SQL but not by the rule");
                continue;
            }
            overdue++;
            oldest = oldest == null || pure.daysOverdue() > oldest ? pure.daysOverdue() : oldest;
            assertTrue(row != null, () -> where + " is overdue by the rule but not by SQL");
            assertEquals(pure.dueOn(), row.dueOn(), where + " dueOn");
            assertEquals(pure.lastVisitOn(), row.lastVisitOn(), where + " lastVisitOn");
            assertEquals(pure.daysOverdue(), row.daysOverdue(), where + " daysOverdue");
            assertEquals(pure.consecutiveNoAccess(), row.consecutiveNoAccess(), where + " consecutiveNoAccess");
        }
        assertEquals(overdue, sql.size(), "overdue count as of " + asOf);
        ComplianceSummary summary = queries.summary(filter, true);
        assertEquals(inScope, summary.inScope(), "in scope as of " + asOf);
        assertEquals(overdue, summary.overdue(), "summary overdue as of " + asOf);
        assertEquals(oldest, summary.oldestDaysOverdue(), "oldest days overdue as of " + asOf);
        assertEquals(reviews, summary.overdueRiskReviews(), "overdue risk reviews as of " + asOf);
        // Every figure of every breakdown: the kept path's one pass gives what the computed path gives.
        assertEquals(queries.summary(filter, true, false), summary, "the kept and the computed summary as of " + asOf);
        assertEquals(queries.summary(filter, false, false), queries.summary(filter, false, true), "without managers, as of " + asOf);
        uk.police.oversight.common.web.PageRequest first = new uk.police.oversight.common.web.PageRequest(0, 20,
                ComplianceQueries.OVERDUE_SORT.get("daysOverdue"), false);
        var page = queries.overdue(filter, first);
        assertEquals(overdue, page.totalItems(), "the first page's total as of " + asOf);
        List<UUID> expected = sql.values().stream()
                .sorted(java.util.Comparator.comparingLong(OverdueVisit::daysOverdue).reversed()
                        .thenComparing(row -> row.offenderId().toString())) // PostgreSQL orders uuids by their bytes, as their text sorts
                .limit(20).map(OverdueVisit::offenderId).toList();
        assertEquals(expected, page.items().stream().map(OverdueVisit::offenderId).toList(), "the first page, most overdue first, as of " + asOf);
    }

    private void execute(String sql, Object... values) throws SQLException {
        try (Connection connection = db.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    private void setPolicy(VisitPolicy policy) throws SQLException {
        execute("update visit_policy set very_high_visit_months = ?, high_visit_months = ?, medium_visit_months = ?,"
                + " low_visit_months = ?, very_high_review_months = ?, high_review_months = ?, medium_review_months = ?,"
                + " low_review_months = ?, first_visit_within_days = ?, escalate_after_days_overdue = ?",
                (short) policy.visitIntervalMonths(RiskLevel.VERY_HIGH), (short) policy.visitIntervalMonths(RiskLevel.HIGH),
                (short) policy.visitIntervalMonths(RiskLevel.MEDIUM), (short) policy.visitIntervalMonths(RiskLevel.LOW),
                (short) policy.riskReviewIntervalMonths(RiskLevel.VERY_HIGH), (short) policy.riskReviewIntervalMonths(RiskLevel.HIGH),
                (short) policy.riskReviewIntervalMonths(RiskLevel.MEDIUM), (short) policy.riskReviewIntervalMonths(RiskLevel.LOW),
                (short) policy.firstVisitWithinDays(), (short) policy.escalateAfterDaysOverdue());
    }

    private void insertRandomWorld(Random random) throws SQLException {
        RiskLevel[] risks = RiskLevel.values();
        OffenderStatus[] statuses = OffenderStatus.values();
        try (Connection connection = db.getConnection();
                PreparedStatement offender = connection.prepareStatement("insert into offender_projection (offender_id, version,"
                        + " pnc_id, display_name, risk_level, management_mode, status, status_since, area_code, manager_id,"
                        + " registered_on, visit_interval_months, last_risk_assessment_on) values (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement visit = connection.prepareStatement("insert into visit (id, offender_id, visit_date, type,"
                        + " outcome, announced, recorded_by) values (?, ?, ?, ?, ?, false, 'property-test')")) {
            for (int i = 0; i < OFFENDERS; i++) {
                UUID id = UUID.randomUUID();
                LocalDate registered = someDate(random, 2015, 2023);
                OffenderStatus status = random.nextInt(10) < 7 ? OffenderStatus.IN_COMMUNITY : statuses[random.nextInt(statuses.length)];
                LocalDate statusSince = random.nextInt(3) == 0 ? registered : someDate(random, registered.getYear() - 1, 2023);
                offender.setObject(1, id);
                offender.setString(2, "PROP/" + i);
                offender.setString(3, "Property " + i);
                offender.setString(4, risks[random.nextInt(risks.length)].name());
                offender.setString(5, random.nextInt(100) < 15 ? ManagementMode.REACTIVE.name() : ManagementMode.ACTIVE.name());
                offender.setString(6, status.name());
                offender.setObject(7, statusSince);
                offender.setString(8, "PROP" + random.nextInt(4));
                offender.setObject(9, UUID.randomUUID());
                offender.setObject(10, registered);
                offender.setObject(11, random.nextInt(100) < 15 ? (Integer) (1 + random.nextInt(24)) : null, java.sql.Types.SMALLINT);
                offender.setObject(12, random.nextInt(10) < 7 ? someDate(random, registered.getYear(), 2023) : null);
                offender.addBatch();
                int visits = random.nextInt(13);
                for (int v = 0; v < visits; v++) {
                    visit.setObject(1, UUID.randomUUID());
                    visit.setObject(2, id);
                    visit.setObject(3, someDate(random, registered.getYear(), 2023));
                    visit.setString(4, random.nextInt(10) < 8 ? VisitType.HOME_VISIT.name() : VisitType.OTHER_CONTACT.name());
                    int outcome = random.nextInt(10);
                    visit.setString(5, (outcome < 7 ? VisitOutcome.COMPLETED : outcome < 9 ? VisitOutcome.NO_ACCESS : VisitOutcome.CANCELLED).name());
                    visit.addBatch();
                }
            }
            offender.executeBatch();
            visit.executeBatch();
        }
    }

    /** A random date between two years, two times in five on a month end (where calendar-month arithmetic is subtle). */
    private static LocalDate someDate(Random random, int fromYear, int toYear) {
        YearMonth month = YearMonth.of(fromYear + random.nextInt(toYear - fromYear + 1), 1 + random.nextInt(12));
        return random.nextInt(5) < 2 ? month.atEndOfMonth() : month.atDay(1 + random.nextInt(month.lengthOfMonth()));
    }

    private Map<UUID, Row> loadOffenders() throws SQLException {
        return loadOffenders(null);
    }

    /** The offenders of an area (all of them when null) with the facts the rule reads. */
    private Map<UUID, Row> loadOffenders(String area) throws SQLException {
        Map<UUID, Row> rows = new HashMap<>();
        try (Connection connection = db.getConnection();
                PreparedStatement select = connection.prepareStatement("select offender_id, risk_level, management_mode,"
                        + " status, status_since, registered_on, visit_interval_months, last_risk_assessment_on from offender_projection"
                        + (area == null ? "" : " where area_code = '" + area + "'"));
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                int override = rs.getInt(7);
                Integer interval = rs.wasNull() ? null : override;
                UUID id = rs.getObject(1, UUID.class);
                rows.put(id, new Row(id, new RuleInputs(RiskLevel.valueOf(rs.getString(2)), ManagementMode.valueOf(rs.getString(3)),
                        OffenderStatus.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
                        interval, rs.getObject(8, LocalDate.class))));
            }
        }
        return rows;
    }

    private Map<UUID, List<VisitFact>> loadVisits() throws SQLException {
        Map<UUID, List<VisitFact>> visits = new HashMap<>();
        try (Connection connection = db.getConnection();
                PreparedStatement select = connection.prepareStatement("select offender_id, visit_date, type, outcome from visit");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                visits.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>()).add(new VisitFact(
                        rs.getObject(2, LocalDate.class), VisitType.valueOf(rs.getString(3)), VisitOutcome.valueOf(rs.getString(4))));
            }
        }
        return visits;
    }

    private VisitPolicy loadPolicy() throws SQLException {
        try (Connection connection = db.getConnection();
                PreparedStatement select = connection.prepareStatement("select very_high_visit_months, high_visit_months,"
                        + " medium_visit_months, low_visit_months, very_high_review_months, high_review_months,"
                        + " medium_review_months, low_review_months, first_visit_within_days, escalate_after_days_overdue"
                        + " from visit_policy");
                ResultSet rs = select.executeQuery()) {
            rs.next();
            Map<RiskLevel, Integer> visits = new java.util.EnumMap<>(RiskLevel.class);
            Map<RiskLevel, Integer> reviews = new java.util.EnumMap<>(RiskLevel.class);
            RiskLevel[] order = {RiskLevel.VERY_HIGH, RiskLevel.HIGH, RiskLevel.MEDIUM, RiskLevel.LOW};
            for (int i = 0; i < 4; i++) {
                visits.put(order[i], rs.getInt(1 + i));
                reviews.put(order[i], rs.getInt(5 + i));
            }
            return new VisitPolicy(visits, reviews, rs.getInt(9), rs.getInt(10));
        }
    }

    private record Row(UUID id, RuleInputs facts) {
    }
}
