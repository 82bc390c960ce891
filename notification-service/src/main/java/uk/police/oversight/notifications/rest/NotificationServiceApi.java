package uk.police.oversight.notifications.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The OpenAPI description of notification-service. */
@OpenAPIDefinition(
        info = @Info(title = "Offender Management Oversight — notification-service", version = "1.0",
                description = """
                        Makes sure the right people are told: due-soon and overdue visits to the offender's manager, \
                        escalations to the area's supervisors, a daily digest per manager (email), and the same \
                        notifications to force systems by signed webhook. Each is sent once, retried with backoff, and \
                        ends in the delivery log as SENT or FAILED with the reason. Every email or webhook carrying \
                        offender data is recorded as a disclosure in the audit log."""),
        tags = {
                @Tag(name = "Notifications", description = "The delivery log"),
                @Tag(name = "Webhooks", description = "Force systems' subscriptions"),
                @Tag(name = "Digests", description = "The daily digest per manager")
        })
public class NotificationServiceApi extends Application {
}
