package uk.police.oversight.common.pnc;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Police National Computer id in canonical form `YYYY/NNNNNNNC` (SPEC section 3). Parsing accepts the 2-digit-year
 * form `YY/N…C` with a 1–7 digit serial and forms without the slash, and rejects a wrong check letter.
 */
public record PncId(int year, int serial, char checkLetter) {

    static final String CHECK_LETTERS = "ZABCDEFGHJKLMNPQRTUVWXY";
    private static final Pattern WITH_SLASH = Pattern.compile("(\\d{2}|\\d{4})/(\\d{1,7})([A-Za-z])");
    private static final Pattern WITHOUT_SLASH = Pattern.compile("(\\d{3,11})([A-Za-z])");

    /** The canonical text, e.g. {@code 1979/0163001B}. */
    public String canonical() {
        return String.format(Locale.ROOT, "%04d/%07d%c", year, serial, checkLetter);
    }

    @Override
    public String toString() {
        return canonical();
    }

    /** The check letter for a year and serial: index `int(YY + serial as 7 digits) mod 23`. */
    public static char checkLetterFor(int year, int serial) {
        long number = Long.parseLong(String.format(Locale.ROOT, "%02d%07d", year % 100, serial));
        return CHECK_LETTERS.charAt((int) (number % 23));
    }

    /**
     * Parses a PNC id in any accepted form. {@code currentYear} decides the century of a 2-digit year (20YY when YY is
     * not after the current 2-digit year, else 19YY) and bounds 4-digit years.
     */
    public static Result parse(String raw, int currentYear) {
        if (raw == null || raw.isBlank()) {
            return Result.malformed("must not be blank");
        }
        String text = raw.strip();
        String yearText;
        String serialText;
        String letter;
        Matcher slash = WITH_SLASH.matcher(text);
        Matcher plain = WITHOUT_SLASH.matcher(text);
        if (slash.matches()) {
            yearText = slash.group(1);
            serialText = slash.group(2);
            letter = slash.group(3);
        } else if (plain.matches()) {
            String digits = plain.group(1);
            // Ten or more digits can only be a 4-digit year (a serial has at most 7); fewer are read as YY + serial.
            int yearDigits = digits.length() >= 10 ? 4 : 2;
            yearText = digits.substring(0, yearDigits);
            serialText = digits.substring(yearDigits);
            letter = plain.group(2);
            if (serialText.isEmpty() || serialText.length() > 7) {
                return Result.malformed("must be YYYY/NNNNNNNC, YY/NNNNNNNC or the same without the slash");
            }
        } else {
            return Result.malformed("must be YYYY/NNNNNNNC, YY/NNNNNNNC or the same without the slash");
        }
        int year = Integer.parseInt(yearText);
        if (yearText.length() == 2) {
            int currentTwoDigit = currentYear % 100;
            int century = currentYear - currentTwoDigit;
            year = year <= currentTwoDigit ? century + year : century - 100 + year;
        } else if (year < 1900 || year > currentYear) {
            return Result.invalid("year " + year + " is not a possible PNC year");
        }
        int serial = Integer.parseInt(serialText);
        char given = Character.toUpperCase(letter.charAt(0));
        char expected = checkLetterFor(year, serial);
        if (given != expected) {
            return Result.invalid("check letter " + given + " is wrong for this year and serial");
        }
        return new Result(Optional.of(new PncId(year, serial, given)), null, true);
    }

    /**
     * The outcome of parsing: a PNC id, or why the text is not one. {@code wellFormed} tells a text in a PNC id's
     * form whose year or check letter is wrong (a 422 where a record is asked for) from one that is not in the form
     * at all (a 400).
     */
    public record Result(Optional<PncId> pncId, String problem, boolean wellFormed) {

        static Result invalid(String problem) {
            return new Result(Optional.empty(), problem, true);
        }

        static Result malformed(String problem) {
            return new Result(Optional.empty(), problem, false);
        }

        public boolean valid() {
            return pncId.isPresent();
        }
    }
}
