package uk.police.oversight.notifications.dispatch;

/** How one delivery attempt went. {@code retryable}: worth trying again later (not a permanent refusal). */
public record Delivery(boolean delivered, String error, boolean retryable, String disclosedTo) {

    public static Delivery delivered(String disclosedTo) {
        return new Delivery(true, null, false, disclosedTo);
    }

    public static Delivery failed(String error) {
        return new Delivery(false, error, true, null);
    }

    public static Delivery refused(String error) {
        return new Delivery(false, error, false, null);
    }
}
