package uk.police.oversight.notifications.dispatch;

/**
 * How one delivery attempt went. {@code retryable}: worth trying again later (not a permanent refusal).
 * {@code disclosedTo}: who the data went to, when it left the system (delivered, or sent and not acknowledged).
 */
public record Delivery(boolean delivered, String error, boolean retryable, String disclosedTo) {

    public static Delivery delivered(String disclosedTo) {
        return new Delivery(true, null, false, disclosedTo);
    }

    public static Delivery failed(String error) {
        return new Delivery(false, error, true, null);
    }

    /** Sent, but not acknowledged (a non-2xx answer, no answer in time): retried, and a disclosure all the same. */
    public static Delivery failedAfterSending(String error, String disclosedTo) {
        return new Delivery(false, error, true, disclosedTo);
    }

    public static Delivery refused(String error) {
        return new Delivery(false, error, false, null);
    }
}
