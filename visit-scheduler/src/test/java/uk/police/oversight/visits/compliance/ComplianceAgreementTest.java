package uk.police.oversight.visits.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    @Test
    void theSqlPathAndThePureRuleAgreeForManyDates() throws SQLException {
        Random random = new Random(SEED);
        insertRandomWorld(random);
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
        Map<UUID, Row> rows = new HashMap<>();
        try (Connection connection = db.getConnection();
                PreparedStatement select = connection.prepareStatement("select offender_id, risk_level, management_mode,"
                        + " status, status_since, registered_on, visit_interval_months, last_risk_assessment_on from offender_projection");
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
