package uk.police.oversight.visits.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.police.oversight.visits.model.ManagementMode;
import uk.police.oversight.visits.model.OffenderStatus;
import uk.police.oversight.visits.model.RiskLevel;
import uk.police.oversight.visits.model.VisitOutcome;
import uk.police.oversight.visits.model.VisitType;

/** The overdue rule of SPEC section 3, case by case. */
class ComplianceRuleTest {

    private static final VisitPolicy POLICY = VisitPolicy.national();

    /**
     * Visits are written `date:TYPE:OUTCOME` separated by spaces, TYPE H (home) or O (other), OUTCOME C, N or X
     * (completed, no access, cancelled). An empty expected dueOn means not in scope.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # case                                  | risk      | mode     | status       | statusSince | registered | override | visits                                   | asOf       | inScope | last       | dueOn      | overdue | days | noAccess | warrant
            no visit, due 28 days after registration | HIGH      | ACTIVE   | IN_COMMUNITY | 2022-01-01  | 2022-01-01 | -        | -                                        | 2022-01-29 | true    | -          | 2022-01-29 | false   | 0    | 0        | false
            no visit, one day late                   | HIGH      | ACTIVE   | IN_COMMUNITY | 2022-01-01  | 2022-01-01 | -        | -                                        | 2022-01-30 | true    | -          | 2022-01-29 | true    | 1    | 0        | false
            high risk every 3 months, month end      | HIGH      | ACTIVE   | IN_COMMUNITY | 2021-01-01  | 2021-01-01 | -        | 2022-01-31:H:C                           | 2022-05-01 | true    | 2022-01-31 | 2022-04-30 | true    | 1    | 0        | false
            very high monthly, clamped to February   | VERY_HIGH | ACTIVE   | IN_COMMUNITY | 2021-01-01  | 2021-01-01 | -        | 2022-01-31:H:C                           | 2022-03-01 | true    | 2022-01-31 | 2022-02-28 | true    | 1    | 0        | false
            due on the day is not overdue            | VERY_HIGH | ACTIVE   | IN_COMMUNITY | 2021-01-01  | 2021-01-01 | -        | 2022-01-31:H:C                           | 2022-02-28 | true    | 2022-01-31 | 2022-02-28 | false   | 0    | 0        | false
            low yearly from a leap day               | LOW       | ACTIVE   | IN_COMMUNITY | 2019-01-01  | 2019-01-01 | -        | 2020-02-29:H:C                           | 2021-03-01 | true    | 2020-02-29 | 2021-02-28 | true    | 1    | 0        | false
            medium every 6 months                    | MEDIUM    | ACTIVE   | IN_COMMUNITY | 2019-01-01  | 2019-01-01 | -        | 2021-08-31:H:C                           | 2022-06-30 | true    | 2021-08-31 | 2022-02-28 | true    | 122  | 0        | false
            override beats the policy                | LOW       | ACTIVE   | IN_COMMUNITY | 2019-01-01  | 2019-01-01 | 2        | 2022-01-15:H:C                           | 2022-03-16 | true    | 2022-01-15 | 2022-03-15 | true    | 1    | 0        | false
            the latest completed home visit counts   | HIGH      | ACTIVE   | IN_COMMUNITY | 2019-01-01  | 2019-01-01 | -        | 2021-01-10:H:C 2021-12-01:H:C 2021-06-01:H:C | 2022-03-02 | true | 2021-12-01 | 2022-03-01 | true    | 1    | 0        | false
            visits after asOf are ignored            | HIGH      | ACTIVE   | IN_COMMUNITY | 2019-01-01  | 2019-01-01 | -        | 2021-12-01:H:C 2022-07-01:H:C            | 2022-06-30 | true    | 2021-12-01 | 2022-03-01 | true    | 121  | 0        | false
            other contact does not count             | HIGH      | ACTIVE   | IN_COMMUNITY | 2019-01-01  | 2019-01-01 | -        | 2021-12-01:H:C 2022-02-01:O:C            | 2022-03-02 | true    | 2021-12-01 | 2022-03-01 | true    | 1    | 0        | false
            cancelled visit does not count           | HIGH      | ACTIVE   | IN_COMMUNITY | 2019-01-01  | 2019-01-01 | -        | 2021-12-01:H:C 2022-02-01:H:X            | 2022-03-02 | true    | 2021-12-01 | 2022-03-01 | true    | 1    | 0        | false
            reactive management is never overdue     | LOW       | REACTIVE | IN_COMMUNITY | 2019-01-01  | 2019-01-01 | -        | -                                        | 2022-06-30 | false   | -          | -          | false   | 0    | 0        | false
            in custody is never overdue              | HIGH      | ACTIVE   | IN_CUSTODY   | 2021-01-01  | 2019-01-01 | -        | -                                        | 2022-06-30 | false   | -          | -          | false   | 0    | 0        | false
            missing is never overdue                 | HIGH      | ACTIVE   | MISSING      | 2021-01-01  | 2019-01-01 | -        | -                                        | 2022-06-30 | false   | -          | -          | false   | 0    | 0        | false
            registered after asOf is not in scope    | HIGH      | ACTIVE   | IN_COMMUNITY | 2022-07-01  | 2022-07-01 | -        | -                                        | 2022-06-30 | false   | -          | -          | false   | 0    | 0        | false
            registered on asOf is in scope           | HIGH      | ACTIVE   | IN_COMMUNITY | 2022-06-30  | 2022-06-30 | -        | -                                        | 2022-06-30 | true    | -          | 2022-07-28 | false   | 0    | 0        | false
            back from custody after the last visit   | HIGH      | ACTIVE   | IN_COMMUNITY | 2022-03-01  | 2019-01-01 | -        | 2021-06-01:H:C                           | 2022-04-01 | true    | 2021-06-01 | 2022-03-29 | true    | 3    | 0        | false
            return before the last visit changes nothing | HIGH  | ACTIVE   | IN_COMMUNITY | 2021-05-01  | 2019-01-01 | -        | 2021-06-01:H:C                           | 2021-09-02 | true    | 2021-06-01 | 2021-09-01 | true    | 1    | 0        | false
            return on the day of the last visit neither | HIGH   | ACTIVE   | IN_COMMUNITY | 2021-06-01  | 2019-01-01 | -        | 2021-06-01:H:C                           | 2021-09-02 | true    | 2021-06-01 | 2021-09-01 | true    | 1    | 0        | false
            return later than the usual due date keeps it | VERY_HIGH | ACTIVE | IN_COMMUNITY | 2021-06-10 | 2019-01-01 | -      | 2021-06-01:H:C                           | 2021-07-10 | true    | 2021-06-01 | 2021-07-08 | true    | 2    | 0        | false
            no visit yet and returned since          | HIGH      | ACTIVE   | IN_COMMUNITY | 2022-02-01  | 2022-01-01 | -        | -                                        | 2022-03-02 | true    | -          | 2022-03-01 | true    | 1    | 0        | false
            two no-access visits make a warrant      | HIGH      | ACTIVE   | IN_COMMUNITY | 2019-01-01  | 2019-01-01 | -        | 2021-12-01:H:C 2022-03-05:H:N 2022-03-20:H:N | 2022-04-01 | true | 2021-12-01 | 2022-03-01 | true    | 31   | 2        | true
            no-access before the last one not counted | HIGH     | ACTIVE   | IN_COMMUNITY | 2019-01-01  | 2019-01-01 | -        | 2021-11-01:H:N 2021-11-05:H:N 2021-12-01:H:C 2022-03-05:H:N | 2022-04-01 | true | 2021-12-01 | 2022-03-01 | true | 31 | 1 | false
            no-access after asOf not counted         | HIGH      | ACTIVE   | IN_COMMUNITY | 2019-01-01  | 2019-01-01 | -        | 2021-12-01:H:C 2022-03-05:H:N 2022-05-01:H:N | 2022-04-01 | true | 2021-12-01 | 2022-03-01 | true    | 31   | 1        | false
            no completed visit: every no-access counts | HIGH    | ACTIVE   | IN_COMMUNITY | 2021-01-01  | 2021-01-01 | -        | 2021-01-20:H:N 2021-02-20:H:N 2021-03-20:H:N | 2021-04-01 | true | -       | 2021-01-29 | true    | 62   | 3        | true
            no-access of other contacts not counted  | HIGH      | ACTIVE   | IN_COMMUNITY | 2019-01-01  | 2019-01-01 | -        | 2021-12-01:H:C 2022-03-05:O:N 2022-03-06:O:N | 2022-04-01 | true | 2021-12-01 | 2022-03-01 | true    | 31   | 0        | false
            out of scope still counts no-access      | HIGH      | ACTIVE   | IN_CUSTODY   | 2022-05-01  | 2019-01-01 | -        | 2021-12-01:H:C 2022-03-05:H:N 2022-03-20:H:N | 2022-06-30 | false | 2021-12-01 | -        | false   | 0    | 2        | true
            """)
    void evaluatesTheOverdueRule(String name, RiskLevel risk, ManagementMode mode, OffenderStatus status, LocalDate statusSince,
            LocalDate registered, Integer override, String visits, LocalDate asOf, boolean inScope, LocalDate last,
            LocalDate dueOn, boolean overdue, long days, int noAccess, boolean warrant) {
        RuleInputs offender = new RuleInputs(risk, mode, status, statusSince, registered, override, null);

        Schedule schedule = ComplianceRule.evaluate(offender, visits(visits), POLICY, asOf);

        assertEquals(inScope, schedule.inScope(), "in scope");
        assertEquals(last, schedule.lastVisitOn(), "last visit");
        assertEquals(dueOn, schedule.dueOn(), "due on");
        assertEquals(overdue, schedule.overdue(), "overdue");
        assertEquals(days, schedule.daysOverdue(), "days overdue");
        assertEquals(noAccess, schedule.consecutiveNoAccess(), "consecutive no access");
        assertEquals(warrant, schedule.warrantEligible(), "warrant eligible");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # case                               | risk      | mode     | status       | registered | lastAssessment | asOf       | reviewDueOn | overdue
            a year after the last assessment     | HIGH      | ACTIVE   | IN_COMMUNITY | 2019-01-01 | 2021-06-01     | 2022-06-02 | 2022-06-01  | true
            due on the day is not overdue        | HIGH      | ACTIVE   | IN_COMMUNITY | 2019-01-01 | 2021-06-01     | 2022-06-01 | 2022-06-01  | false
            never assessed: from registration    | LOW       | ACTIVE   | IN_COMMUNITY | 2021-03-31 | -              | 2022-04-01 | 2022-03-31  | true
            reactive offenders are reviewed too  | LOW       | REACTIVE | IN_COMMUNITY | 2019-01-01 | 2020-01-01     | 2022-06-30 | 2021-01-01  | true
            in custody is not overdue            | HIGH      | ACTIVE   | IN_CUSTODY   | 2019-01-01 | 2020-01-01     | 2022-06-30 | 2021-01-01  | false
            """)
    void evaluatesRiskReviews(String name, RiskLevel risk, ManagementMode mode, OffenderStatus status, LocalDate registered,
            LocalDate lastAssessment, LocalDate asOf, LocalDate reviewDueOn, boolean overdue) {
        RuleInputs offender = new RuleInputs(risk, mode, status, registered, registered, null, lastAssessment);

        Schedule schedule = ComplianceRule.evaluate(offender, List.of(), POLICY, asOf);

        assertEquals(reviewDueOn, schedule.reviewDueOn());
        assertEquals(overdue, schedule.reviewOverdue());
    }

    @ParameterizedTest(name = "{0} days -> {1}")
    @CsvSource({"1, 1-30", "30, 1-30", "31, 31-90", "90, 31-90", "91, 91-180", "180, 91-180", "181, 181+", "400, 181+"})
    void bandsDaysOverdue(long days, String band) {
        assertEquals(band, Band.of(days).label());
        assertEquals(Band.of(days), Band.fromLabel(band));
    }

    static List<VisitFact> visits(String text) {
        List<VisitFact> visits = new ArrayList<>();
        if (text == null) {
            return visits;
        }
        for (String token : text.trim().split("\\s+")) {
            String[] parts = token.split(":");
            VisitType type = parts[1].equals("H") ? VisitType.HOME_VISIT : VisitType.OTHER_CONTACT;
            VisitOutcome outcome = switch (parts[2]) {
                case "C" -> VisitOutcome.COMPLETED;
                case "N" -> VisitOutcome.NO_ACCESS;
                default -> VisitOutcome.CANCELLED;
            };
            visits.add(new VisitFact(LocalDate.parse(parts[0]), type, outcome));
        }
        return visits;
    }
}
