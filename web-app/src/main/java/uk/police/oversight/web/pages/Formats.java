package uk.police.oversight.web.pages;

import io.quarkus.qute.TemplateExtension;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** How the pages write dates, numbers and codes: the GOV.UK style (4 June 2025, 1,600, 83.4%). */
@TemplateExtension(namespace = "fmt")
public final class Formats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, h:mma", Locale.UK);

    private Formats() {
    }

    /** An ISO date or date-time as "4 June 2025"; empty for none. */
    public static String date(Object iso) {
        LocalDate date = parse(iso);
        return date == null ? "" : DATE.format(date);
    }

    public static String shortDate(Object iso) {
        LocalDate date = parse(iso);
        return date == null ? "" : SHORT.format(date);
    }

    public static String month(Object iso) {
        LocalDate date = parse(iso);
        return date == null ? "" : MONTH.format(date);
    }

    /** An instant as "4 June 2025, 3:12pm", UK time. */
    public static String time(Object iso) {
        iso = present(iso);
        if (iso == null || iso.toString().isBlank()) {
            return "";
        }
        try {
            return TIME.format(OffsetDateTime.parse(iso.toString()).atZoneSameInstant(ZoneId.of("Europe/London")))
                    .replace("AM", "am").replace("PM", "pm");
        } catch (DateTimeParseException e) {
            return iso.toString();
        }
    }

    public static String number(Object value) {
        Double d = numeric(value);
        if (d == null) {
            return present(value) == null ? "" : value.toString();
        }
        return d == Math.rint(d) ? String.format(Locale.UK, "%,d", d.longValue()) : String.format(Locale.UK, "%,.1f", d);
    }

    /** A number the API gave, or null for none (a value a record leaves out is shown as nothing). */
    static Double numeric(Object value) {
        value = present(value);
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(value.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A rate the API gives as a fraction (0.834) as "83.4%". */
    public static String percent(Object value) {
        Double d = numeric(value);
        return d == null ? "" : String.format(Locale.UK, "%.1f%%", d * 100);
    }

    /** A code such as VERY_HIGH or HOME_VISIT in words: "Very high", "Home visit". */
    public static String words(Object code) {
        code = present(code);
        if (code == null) {
            return "";
        }
        String text = code.toString().replace('_', ' ').replace('-', ' ').toLowerCase(Locale.UK);
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Where a tracked action came from, in the words of the reports it came from. */
    public static String source(Object code) {
        code = present(code);
        if (code == null) {
            return "";
        }
        return switch (code.toString()) {
            case "HMICFRS_RECOMMENDATION" -> "HMICFRS recommendation";
            case "HMICFRS_AFI" -> "HMICFRS area for improvement";
            case "CAUSE_OF_CONCERN" -> "HMICFRS cause of concern";
            case "ACCOUNTABILITY_MEETING" -> "Accountability meeting";
            case "ASSURANCE_PANEL" -> "Assurance panel";
            default -> words(code);
        };
    }

    /** The GOV.UK tag colour of a RAG status. */
    public static String ragClass(Object rag) {
        rag = present(rag);
        if (rag == null) {
            return "govuk-tag--grey";
        }
        return switch (rag.toString()) {
            case "GREEN" -> "govuk-tag--green";
            case "AMBER" -> "govuk-tag--yellow";
            case "RED" -> "govuk-tag--red";
            default -> "govuk-tag--grey";
        };
    }

    public static String ragWord(Object rag) {
        rag = present(rag);
        if (rag == null) {
            return "No threshold";
        }
        return switch (rag.toString()) {
            case "GREEN" -> "Green";
            case "AMBER" -> "Amber";
            case "RED" -> "Red";
            default -> rag.toString();
        };
    }

    /** A change since an earlier figure, signed: "+12", "−3.5", "no change"; a rate's in percentage points. */
    public static String change(Object value, Object unit) {
        Double d = numeric(value);
        if (d != null && "%".equals(unit)) {
            return d == 0 ? "no change" : (d > 0 ? "+" : "\u2212") + String.format(Locale.UK, "%.1f", Math.abs(d * 100)) + " points";
        }
        return change(value);
    }

    /** A change since an earlier figure, signed: "+12", "−3.5", "no change". */
    public static String change(Object value) {
        Double d = numeric(value);
        if (d == null) {
            return "no earlier figure";
        }
        if (d == 0) {
            return "no change";
        }
        String magnitude = number(Math.abs(d));
        return (d > 0 ? "+" : "\u2212") + magnitude;
    }

    /** The value, or null where the record has none (a key the API left out reaches a template as "not found"). */
    static Object present(Object value) {
        return value instanceof io.quarkus.qute.Results.NotFound ? null : value;
    }

    private static LocalDate parse(Object iso) {
        iso = present(iso);
        if (iso == null || iso.toString().isBlank()) {
            return null;
        }
        String text = iso.toString();
        if (text.matches("\\d{4}-\\d{2}")) {
            text = text + "-01";
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
