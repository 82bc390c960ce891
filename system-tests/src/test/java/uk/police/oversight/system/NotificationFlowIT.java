package uk.police.oversight.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.police.oversight.local.LocalMailSink;

/**
 * The whole chain: staff and offenders registered in offender-service, a visit in visit-scheduler, the compliance
 * scan, and the manager and the area's supervisor told by email by notification-service.
 */
class NotificationFlowIT {

    @Test
    void anOverdueVeryHighRiskOffenderReachesTheManagerAndTheSupervisors() {
        String[] world = World.areaWithManager("NTF");
        String area = world[0];
        String supervisorEmail = World.supervisor(area);
        List<Map<String, Object>> items = World.offenders(area, world[1], 1);
        items.get(0).put("riskLevel", "VERY_HIGH");
        items.get(0).put("registeredOn", "2015-01-01");
        String id = SystemStack.integration().body(Map.of("items", items)).post(SystemStack.offenderApi() + "/offenders/batch")
                .then().statusCode(200).extract().path("results[0].id");
        SystemStack.integration().body(Map.of("offenderId", id, "visitDate", "2015-03-31", "type", "HOME_VISIT",
                "outcome", "COMPLETED", "announced", false)).post(SystemStack.visitsApi() + "/visits").then().statusCode(201);
        String pnc = (String) items.get(0).get("pncId");

        // VERY_HIGH: a visit a month; as of 2015-05-15 it was due 2015-04-30, so overdue and escalated at once.
        SystemStack.admin().queryParam("asOf", "2015-05-15").post(SystemStack.visitsApi() + "/compliance-scans").then().statusCode(200);

        String managerEmail = "officer." + area.toLowerCase() + "@force.example";
        assertTrue(SystemStack.eventually(Duration.ofSeconds(60), () -> mailed(managerEmail, "OVERDUE visit: " + pnc)),
                "the manager was told: " + subjects());
        assertTrue(SystemStack.eventually(Duration.ofSeconds(60), () -> mailed(supervisorEmail, "ESCALATION: " + pnc)),
                "the supervisor was told: " + subjects());
    }

    private static boolean mailed(String to, String subjectPart) {
        return SystemStack.get().mailSink().mails().stream()
                .anyMatch(m -> m.to().contains(to) && m.subject() != null && m.subject().contains(subjectPart));
    }

    private static List<String> subjects() {
        return SystemStack.get().mailSink().mails().stream().map(LocalMailSink.Mail::subject).toList();
    }
}
