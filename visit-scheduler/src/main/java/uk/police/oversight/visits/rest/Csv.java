package uk.police.oversight.visits.rest;

/** CSV cells (RFC 4180), defused against formula injection when opened in a spreadsheet. */
final class Csv {

    private Csv() {
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r") || !text.equals(value)) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
