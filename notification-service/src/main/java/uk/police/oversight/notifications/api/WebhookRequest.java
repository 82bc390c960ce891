package uk.police.oversight.notifications.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.police.oversight.common.input.SingleLine;

/** A force system's subscription to notifications by webhook. */
@Schema(name = "WebhookRequest")
public record WebhookRequest(
        @NotBlank @Size(max = 2000)
        @Schema(description = "Where to POST; https (http only where the deployment allows it, e.g. locally)",
                examples = "https://records.force.example/oversight/hooks", required = true) String url,
        @NotEmpty @Size(max = 3) @Schema(description = "Which notifications to receive", required = true,
                examples = "[\"OVERDUE\", \"ESCALATION\"]") Set<@NotNull WebhookEventType> eventTypes,
        @NotBlank @Size(min = 16, max = 200, message = "must be 16 to 200 characters")
        @Schema(description = "Signs every delivery (HMAC-SHA256 of the body, in X-Oversight-Signature); never shown again",
                required = true, examples = "c2VjcmV0LXNoYXJlZC13aXRoLXRoZS1mb3JjZQ") String secret,
        @Size(max = 200) @SingleLine @Schema(examples = "Force records system") String description) {
}
