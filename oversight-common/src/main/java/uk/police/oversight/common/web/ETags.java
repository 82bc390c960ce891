package uk.police.oversight.common.web;

import uk.police.oversight.common.problem.ProblemException;

/** Strong entity tags made from a record's version, and the `If-Match` check (412 when stale). */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** Passes when {@code ifMatch} is absent, `*`, or lists the current version; otherwise answers 412. */
    public static void checkIfMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return;
        }
        for (String tag : ifMatch.split(",")) {
            String value = tag.strip();
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            if (value.equals(Long.toString(currentVersion))) {
                return;
            }
        }
        throw ProblemException.preconditionFailed("The record has changed since it was read (current ETag "
                + of(currentVersion) + "); read it again and reapply the change");
    }
}
