package uk.police.oversight.notifications.rest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.police.oversight.local.LocalMailSink;
import uk.police.oversight.notifications.NotificationApiTest;
import uk.police.oversight.testing.EmbeddedMailResource;

/** Each notification type reaches the right people, once, with the right content, through a real SMTP server. */
@QuarkusTest
class EmailNotificationsTest extends NotificationApiTest {

    @Test
    void dueSoonAndOverdueGoToTheManagerOnceWithoutPersonalDetails() {
        String area = newArea("EML");
        UUID manager = staff(area, "OFFENDER_MANAGER", "DC Alex Morgan");
        Map<String, Object> soon = compliance(area, manager, "HIGH", "2022-07-05", 0);
        Map<String, Object> late = compliance(area, manager, "MEDIUM", "2022-03-01", 121);

        String dueSoonEvent = announce("uk.police.oversight.visit.due-soon", soon);
        announce("uk.police.oversight.visit.overdue", late);
        String to = email(manager);
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(to).size() == 2);
        // The same event delivered again sends nothing more.
        send("oversight.compliance-events", dueSoonEvent);
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> mailsTo(to).size() == 2);

        List<LocalMailSink.Mail> mails = mailsTo(to);
        assertEquals(2, mails.size());
        LocalMailSink.Mail dueSoon = mails.stream().filter(m -> m.subject().contains("Visit due")).findFirst().orElseThrow();
        assertEquals("[Oversight] Visit due 2022-07-05: " + soon.get("pncId") + " (HIGH risk)", dueSoon.subject());
        assertTrue(dueSoon.text().contains("DC Alex Morgan"));
        assertTrue(dueSoon.html().contains((String) soon.get("pncId")));
        LocalMailSink.Mail overdue = mails.stream().filter(m -> m.subject().contains("OVERDUE")).findFirst().orElseThrow();
        assertEquals("[Oversight] OVERDUE visit: " + late.get("pncId") + " (MEDIUM risk) was due 2022-03-01", overdue.subject());
        assertTrue(overdue.text().contains("Days overdue:  121"), overdue.text());
        assertTrue(overdue.text().contains("last completed home visit 2022-01-01"));
        assertFalse(overdue.text().contains((String) late.get("offenderId")) || overdue.html().contains((String) late.get("offenderId")),
                "the email identifies the offender by PNC id only");
        assertEquals(2L, count("select count(*) from notification where recipient_id = '" + manager + "' and status = 'SENT'"));
    }

    @Test
    void escalationsGoToEverySupervisorOfTheAreaAndNoOneElse() {
        String area = newArea("ESC");
        UUID manager = staff(area, "OFFENDER_MANAGER", "DC Sam Reed");
        UUID first = staff(area, "SUPERVISOR", "DS Lee Hughes");
        UUID second = staff(area, "SUPERVISOR", "DS Kim Evans");
        UUID elsewhere = staff(newArea("OTH"), "SUPERVISOR", "DS Pat Other");
        Map<String, Object> data = compliance(area, manager, "VERY_HIGH", "2022-05-30", 31);

        announce("uk.police.oversight.visit.overdue-escalated", data);

        await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(email(first)).size() == 1 && mailsTo(email(second)).size() == 1);
        LocalMailSink.Mail mail = mailsTo(email(first)).get(0);
        assertEquals("[Oversight] ESCALATION: " + data.get("pncId") + " (VERY_HIGH risk) 31 days overdue, area " + area, mail.subject());
        assertTrue(mail.text().contains("Very high risk offenders are escalated as soon as a visit is overdue"));
        assertTrue(mailsTo(email(elsewhere)).isEmpty());
        assertTrue(mailsTo(email(manager)).isEmpty(), "the manager had the overdue notice; the escalation is for supervisors");
    }

    @Test
    void theDailyDigestListsEachManagersOpenItemsOncePerDay() {
        String area = newArea("DIG");
        UUID manager = staff(area, "OFFENDER_MANAGER", "DC Jo Digest");
        Map<String, Object> overdue = compliance(area, manager, "HIGH", "2022-03-01", 121);
        Map<String, Object> soon = compliance(area, manager, "LOW", "2022-07-04", 0);
        Map<String, Object> visited = compliance(area, manager, "MEDIUM", "2022-04-01", 90);
        Map<String, Object> review = compliance(area, manager, "HIGH", "2021-06-01", 394);
        announce("uk.police.oversight.visit.overdue", overdue);
        announce("uk.police.oversight.visit.due-soon", soon);
        announce("uk.police.oversight.visit.overdue", visited);
        announce("uk.police.oversight.risk-review.overdue", review);
        // A completed home visit after the last one resolves that offender's overdue item.
        send("oversight.compliance-events", event("uk.police.oversight.visit.recorded", "/visit-scheduler",
                UUID.fromString((String) visited.get("offenderId")), Map.of("visitId", UUID.randomUUID().toString(),
                        "offenderId", visited.get("offenderId"), "visitDate", "2022-06-20", "type", "HOME_VISIT",
                        "outcome", "COMPLETED", "areaCode", area, "managerId", manager.toString())));
        String to = email(manager);
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(to).size() == 3);
        await().atMost(Duration.ofSeconds(10)).until(() -> count("select count(*) from open_item where manager_id = '" + manager + "'") == 3);

        as(ADMIN).queryParam("on", "2022-06-30").post(BASE + "/digests").then().statusCode(200);
        as(ADMIN).queryParam("on", "2022-06-30").post(BASE + "/digests").then().statusCode(200)
                .body("digestsQueued", org.hamcrest.Matchers.equalTo(0));
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(to).stream().anyMatch(m -> m.subject().contains("Daily digest")));
        // ... and no second digest for the same day (the second request queued none).
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> mailsTo(to).stream().filter(m -> m.subject().contains("Daily digest")).count() == 1);

        List<LocalMailSink.Mail> digests = mailsTo(to).stream().filter(m -> m.subject().contains("Daily digest")).toList();
        assertEquals(1, digests.size());
        LocalMailSink.Mail digest = digests.get(0);
        assertEquals("[Oversight] Daily digest 2022-06-30: 1 overdue, 1 due soon, 1 risk reviews overdue", digest.subject());
        assertTrue(digest.text().contains(overdue.get("pncId") + "  HIGH  due 2022-03-01  121 days overdue"), digest.text());
        assertTrue(digest.text().contains(soon.get("pncId") + "  LOW  due 2022-07-04"), digest.text());
        assertTrue(digest.text().contains(review.get("pncId") + "  HIGH  due 2021-06-01  394 days overdue"), digest.text());
        assertFalse(digest.text().contains((String) visited.get("pncId")), "the visited offender is no longer open");
    }

    @Test
    void mailsWaitWhileTheMailServerIsDownAndGoOutWhenItReturns() {
        LocalMailSink sink = EmbeddedMailResource.sink();
        String area = newArea("SMT");
        UUID manager = staff(area, "OFFENDER_MANAGER", "DC Max Outage");
        String to = email(manager);
        sink.stopSmtp();
        try {
            announce("uk.police.oversight.visit.overdue", compliance(area, manager, "HIGH", "2022-03-01", 121));
            await().atMost(Duration.ofSeconds(20)).until(() -> count("select count(*) from notification where recipient_id = '" + manager
                    + "' and status = 'PENDING' and attempts >= 2 and last_error like 'SMTP%'") == 1);
        } finally {
            sink.startSmtpAgain();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(to).size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> count("select count(*) from notification where recipient_id = '" + manager
                + "' and status = 'SENT'") == 1);
    }
}
