package uk.police.oversight.assurance.report;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import uk.police.oversight.assurance.snapshot.Rag;

/** How the pack writes figures, changes and dates, the same in every format. */
final class Formats {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
    /** When a pack was made, as the meeting reads it: "3 December 2026, 18:45 (UK time)". */
    static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm '(UK time)'", Locale.UK)
            .withZone(java.time.ZoneId.of("Europe/London"));

    private Formats() {
    }

    static String value(double value, boolean rate) {
        return rate ? String.format(Locale.UK, "%.1f%%", value * 100) : String.format(Locale.UK, "%,d", Math.round(value));
    }

    /** "+12", "−3.2 points", "no change", "–" when there is nothing to compare with. */
    static String change(Double change, boolean rate) {
        if (change == null) {
            return "–";
        }
        if (change == 0) {
            return "no change";
        }
        String sign = change > 0 ? "+" : "−";
        double magnitude = Math.abs(change);
        return rate ? String.format(Locale.UK, "%s%.1f points", sign, magnitude * 100)
                : String.format(Locale.UK, "%s%,d", sign, Math.round(magnitude));
    }

    static String rag(Rag rag) {
        return rag == null ? "not rated" : rag.name();
    }
}
