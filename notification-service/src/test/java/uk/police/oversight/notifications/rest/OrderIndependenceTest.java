package uk.police.oversight.notifications.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.police.oversight.notifications.NotificationApiTest;
import uk.police.oversight.notifications.intake.ComplianceIntake;
import uk.police.oversight.notifications.intake.StaffIntake;

/**
 * Two replicas on each side and relays leasing batches deliver events in any order: whatever the order, an
 * offender's open items end the same, and nothing computed from a newer record goes to the previous manager.
 */
@QuarkusTest
class OrderIndependenceTest extends NotificationApiTest {

    @Inject
    ComplianceIntake compliance;

    @Inject
    StaffIntake offenderEvents;

    /** One offender's story: registered with A, due soon, moved to B, overdue, visited, due soon again. */
    private record Story(UUID offender, UUID managerA, UUID managerB, List<Delivery> events) {
    }

    private record Delivery(String label, boolean offenderAddress, String json) {
    }

    @Test
    void anOffendersItemsEndTheSameInEveryOrder() {
        String area = newArea("ORD");
        UUID managerA = staff(area, "OFFENDER_MANAGER", "DC Order Alpha");
        UUID managerB = staff(area, "OFFENDER_MANAGER", "DC Order Bravo");
        Random random = new Random(20221202);
        int orders = 0;
        for (int run = 0; run < 120; run++) {
            Story story = story(area, managerA, managerB);
            List<Delivery> shuffled = new ArrayList<>(story.events());
            if (run == 0) {
                Collections.reverse(shuffled);
            } else if (run > 1) {
                Collections.shuffle(shuffled, random);
            }
            for (Delivery delivery : shuffled) {
                if (delivery.offenderAddress()) {
                    offenderEvents.receive(delivery.json());
                } else {
                    compliance.receive(delivery.json());
                }
            }
            String order = shuffled.stream().map(Delivery::label).toList().toString();
            assertEquals(List.of("DUE_SOON 2022-10-01 " + managerB), items(story.offender()), order);
            assertTrue(notifiedAbout(story.offender(), managerA, "OVERDUE") == 0,
                    "the overdue, computed after the move to B, never goes to A: " + order);
            assertEquals(1, notifiedAbout(story.offender(), managerB, "OVERDUE") + dropped(order), order);
            orders++;
        }
        assertEquals(120, orders);
    }

    /** Zero, unless the order makes the overdue stale on arrival (the later visit came first): then it is dropped. */
    private static int dropped(String order) {
        return order.indexOf("visit.recorded") < order.indexOf("overdue") ? 1 : 0;
    }

    private Story story(String area, UUID managerA, UUID managerB) {
        UUID offender = UUID.randomUUID();
        String pnc = "2001/" + String.format("%07d", Math.abs(offender.hashCode() % 10_000_000)) + "X";
        List<Delivery> events = new ArrayList<>();
        events.add(new Delivery("registered v0", true, event("uk.police.oversight.offender.registered", "/offender-service",
                offender, facts(offender, 0, area, managerA))));
        events.add(new Delivery("changed v1 (to B)", true, event("uk.police.oversight.offender.changed", "/offender-service",
                offender, facts(offender, 1, area, managerB))));
        events.add(new Delivery("due-soon v0", false, event("uk.police.oversight.visit.due-soon", "/visit-scheduler", offender,
                announcement(offender, pnc, area, managerA, 0, "2022-04-01", "2022-07-01", "2022-06-25"))));
        events.add(new Delivery("overdue v1", false, event("uk.police.oversight.visit.overdue", "/visit-scheduler", offender,
                announcement(offender, pnc, area, managerB, 1, "2022-04-01", "2022-07-01", "2022-07-02"))));
        Map<String, Object> visit = new LinkedHashMap<>();
        visit.put("visitId", UUID.randomUUID().toString());
        visit.put("offenderId", offender.toString());
        visit.put("visitDate", "2022-07-05");
        visit.put("type", "HOME_VISIT");
        visit.put("outcome", "COMPLETED");
        visit.put("areaCode", area);
        visit.put("managerId", managerB.toString());
        events.add(new Delivery("visit.recorded 2022-07-05", false, event("uk.police.oversight.visit.recorded", "/visit-scheduler",
                offender, visit)));
        events.add(new Delivery("due-soon v1 after the visit", false, event("uk.police.oversight.visit.due-soon", "/visit-scheduler",
                offender, announcement(offender, pnc, area, managerB, 1, "2022-07-05", "2022-10-01", "2022-09-25"))));
        return new Story(offender, managerA, managerB, events);
    }

    private static Map<String, Object> facts(UUID offender, long version, String area, UUID manager) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("offenderId", offender.toString());
        facts.put("version", version);
        facts.put("riskLevel", "HIGH");
        facts.put("managementMode", "ACTIVE");
        facts.put("status", "IN_COMMUNITY");
        facts.put("areaCode", area);
        facts.put("managerId", manager.toString());
        return facts;
    }

    private static Map<String, Object> announcement(UUID offender, String pnc, String area, UUID manager, long version,
            String lastVisitOn, String dueOn, String asOf) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("offenderId", offender.toString());
        data.put("pncId", pnc);
        data.put("riskLevel", "HIGH");
        data.put("areaCode", area);
        data.put("managerId", manager.toString());
        data.put("dueOn", dueOn);
        data.put("daysOverdue", 0);
        data.put("lastVisitOn", lastVisitOn);
        data.put("asOf", asOf);
        data.put("escalateAfterDaysOverdue", 28);
        data.put("offenderVersion", version);
        return data;
    }

    private List<String> items(UUID offender) {
        List<String> items = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select kind, due_on, manager_id from open_item where offender_id = ? order by kind")) {
            s.setObject(1, offender);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    items.add(rs.getString(1) + " " + rs.getObject(2) + " " + rs.getObject(3));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return items;
    }

    private long notifiedAbout(UUID offender, UUID recipient, String type) {
        return count("select count(*) from notification where channel = 'EMAIL' and type = '" + type + "' and recipient_id = '"
                + recipient + "' and '" + offender + "' = any(offender_ids)");
    }
}
