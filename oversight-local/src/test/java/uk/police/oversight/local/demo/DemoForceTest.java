package uk.police.oversight.local.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The demo force's shape; its figures under the overdue rule are checked by visit-scheduler's DemoForceRuleTest. */
class DemoForceTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @ParameterizedTest
    @CsvSource({"2008, 56560, 2008/0056560Z", "1981, 154257, 1981/0154257C", "1979, 163001, 1979/0163001B",
        "1981, 34, 1981/0000034U"})
    void pncIdsCarryTheCheckLetterOfSpecSection3(int year, int serial, String expected) {
        assertEquals(expected, DemoForce.canonicalPnc(year, serial));
    }

    @Test
    void theSameDayGivesTheSameForce() {
        DemoForce one = DemoForce.generate(TODAY);
        DemoForce two = DemoForce.generate(TODAY);
        assertEquals(one.offenders(), two.offenders());
        assertEquals(one.visits(), two.visits());
        assertEquals(one.staff(), two.staff());
        assertEquals(DemoForce.staffOnly(), one.staff(), "the tokens printed by up name the same people");
    }

    @Test
    void theRecordsUpTo2022_06_30AreTheSameWhateverDayTheForceIsGenerated() {
        DemoForce one = DemoForce.generate(TODAY);
        DemoForce other = DemoForce.generate(LocalDate.of(2028, 3, 15));
        assertEquals(one.staff(), other.staff());
        assertEquals(one.visits().stream().filter(v -> !v.visitDate().isAfter(DemoForce.AS_OF)).toList(),
                other.visits().stream().filter(v -> !v.visitDate().isAfter(DemoForce.AS_OF)).toList());
        for (int i = 0; i < one.offenders().size(); i++) {
            DemoForce.Offender a = one.offenders().get(i);
            DemoForce.Offender b = other.offenders().get(i);
            assertEquals(List.of(a.pncId(), a.firstName(), a.lastName(), a.dateOfBirth(), a.address(), a.riskLevel(),
                    a.managementMode(), a.status(), a.areaCode(), a.managerStaffNumber(), a.mappaCategory(), a.mappaLevel()),
                    List.of(b.pncId(), b.firstName(), b.lastName(), b.dateOfBirth(), b.address(), b.riskLevel(),
                            b.managementMode(), b.status(), b.areaCode(), b.managerStaffNumber(), b.mappaCategory(),
                            b.mappaLevel()));
            if (!a.registeredOn().isAfter(DemoForce.AS_OF) && a.status().equals("IN_COMMUNITY")) {
                assertEquals(a.registeredOn(), b.registeredOn());
                assertEquals(a.statusSince(), b.statusSince());
            }
        }
    }

    @Test
    void theForceHasTheNationalRiskMixAndAboutThirtyManagers() {
        DemoForce force = DemoForce.generate(TODAY);
        Map<String, Long> risk = force.offenders().stream()
                .collect(Collectors.groupingBy(DemoForce.Offender::riskLevel, Collectors.counting()));
        assertEquals(Map.of("VERY_HIGH", 32L, "HIGH", 288L, "MEDIUM", 480L, "LOW", 800L), risk);
        Map<String, Long> riskBy2024 = force.offenders().stream().filter(o -> !o.registeredOn().isAfter(DemoForce.PEAK_AS_OF))
                .collect(Collectors.groupingBy(DemoForce.Offender::riskLevel, Collectors.counting()));
        assertEquals(Map.of("VERY_HIGH", 30L, "HIGH", 274L, "MEDIUM", 456L, "LOW", 761L), riskBy2024,
                "the 1,521 registered by 2024-01-17");
        List<DemoForce.Offender> joiners = force.offenders().stream()
                .filter(o -> o.registeredOn().isAfter(DemoForce.PEAK_AS_OF)).toList();
        assertEquals(DemoForce.JOINERS, joiners.size());
        assertTrue(joiners.stream().allMatch(o -> o.status().equals("IN_COMMUNITY")
                && !o.registeredOn().isAfter(DemoForce.LATER_AS_OF)), "joiners in the community, registered by 2025-02-19");
        assertEquals(30, force.staff().stream().filter(s -> s.role().equals("OFFENDER_MANAGER")).count());
        assertEquals(6, force.staff().stream().filter(s -> s.role().equals("SUPERVISOR")).count());
        Map<String, Long> status = force.offenders().stream()
                .collect(Collectors.groupingBy(DemoForce.Offender::status, Collectors.counting()));
        assertTrue(status.get("IN_CUSTODY") > 50, "some in custody: " + status);
        assertTrue(force.offenders().stream().filter(o -> o.managementMode().equals("REACTIVE")).count() > 100);
        assertTrue(force.visits().stream().anyMatch(v -> v.outcome().equals("NO_ACCESS")));
        assertTrue(force.visits().stream().anyMatch(v -> v.visitDate().isBefore(LocalDate.of(2018, 6, 1))), "years of history");
    }

    @Test
    void everyRecordIsAcceptableToTheApi() {
        DemoForce force = DemoForce.generate(TODAY);
        Set<String> staffNumbers = force.staff().stream().map(DemoForce.Staff::staffNumber).collect(Collectors.toSet());
        Set<String> pncIds = new HashSet<>();
        for (DemoForce.Offender o : force.offenders()) {
            assertTrue(pncIds.add(o.pncId()), "unique PNC id " + o.pncId());
            assertTrue(o.pncId().matches("\\d{4}/\\d{7}[A-Z]"), o.pncId());
            int year = Integer.parseInt(o.pncId().substring(0, 4));
            int serial = Integer.parseInt(o.pncId().substring(5, 12));
            assertEquals(DemoForce.canonicalPnc(year, serial), o.pncId());
            assertTrue(staffNumbers.contains(o.managerStaffNumber()));
            assertTrue(o.registeredOn().isBefore(TODAY.minusDays(1)), "registered in the past");
            assertTrue(!o.statusSince().isBefore(o.registeredOn()) && o.statusSince().isBefore(TODAY.minusDays(1)));
            assertTrue(o.lastRiskAssessmentOn() == null || o.lastRiskAssessmentOn().isBefore(TODAY.minusDays(1)));
        }
        Map<String, Long> refs = force.visits().stream()
                .collect(Collectors.groupingBy(DemoForce.Visit::externalRef, Collectors.counting()));
        assertEquals(force.visits().size(), refs.size(), "externalRefs are unique");
        assertTrue(force.visits().stream().allMatch(v -> v.visitDate().isBefore(TODAY.minusDays(1))), "no visit in the future");
        assertTrue(force.visits().stream().map(DemoForce.Visit::pncId).allMatch(pncIds::contains));
        Map<String, DemoForce.Offender> byPnc = force.offenders().stream()
                .collect(Collectors.toMap(DemoForce.Offender::pncId, Function.identity()));
        assertTrue(force.visits().stream().allMatch(v -> !v.visitDate().isBefore(byPnc.get(v.pncId()).registeredOn())),
                "no visit before registration");
        assertTrue(force.visits().size() > 15_000 && force.visits().size() < 60_000, "visits: " + force.visits().size());
    }
}
