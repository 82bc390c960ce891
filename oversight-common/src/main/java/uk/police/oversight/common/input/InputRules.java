package uk.police.oversight.common.input;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * What every text and date the API takes in must be, whichever endpoint and whether it comes in a body, a path, a
 * query or a header: text is valid Unicode without NUL characters (which PostgreSQL cannot store), without other
 * control characters but tab and line breaks (an ESC sequence rewrites a terminal showing a log or an export), and
 * without the bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069), which make a
 * name or a note read differently from what it holds; a date is an RFC 3339 full-date, YYYY-MM-DD with a four-digit
 * year (which every layer below can hold). Names and other one-line fields also refuse line breaks and tabs
 * ({@link SingleLine}).
 */
public final class InputRules {

    private static final Pattern FULL_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter STRICT_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private InputRules() {
    }

    /** Why {@code text} cannot be taken in, or null when it can. */
    public static String textProblem(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "must not contain the NUL character (U+0000)";
            }
            if ((Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')) {
                return "must not contain control characters (U+" + hex(c) + " at position " + i + ")";
            }
            if (isBidiControl(c)) {
                return "must not contain bidirectional override, embedding or isolate characters (U+" + hex(c)
                        + " at position " + i + ")";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "must be valid Unicode text (an unpaired surrogate at position " + i + ")";
            }
            if (Character.isLowSurrogate(c)) {
                return "must be valid Unicode text (an unpaired surrogate at position " + i + ")";
            }
        }
        return null;
    }

    /** Why {@code text} cannot be one line of text (a name, an address line), or null when it can. */
    public static String singleLineProblem(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                return "must be one line (no tab or line break, U+" + hex(c) + " at position " + i + ")";
            }
        }
        return textProblem(text);
    }

    static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }

    /**
     * Reads a date as YYYY-MM-DD (years 0000 to 9999; no sign, no time, no day 30 of February).
     *
     * @throws DateTimeParseException otherwise
     */
    public static LocalDate date(String text) {
        String value = text == null ? "" : text;
        if (!FULL_DATE.matcher(value).matches()) {
            throw new DateTimeParseException("Not a date as YYYY-MM-DD", value, 0);
        }
        return LocalDate.parse(value, STRICT_DATE);
    }
}
