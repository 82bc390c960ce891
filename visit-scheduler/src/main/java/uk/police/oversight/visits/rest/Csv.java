package uk.police.oversight.visits.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/** CSV cells (RFC 4180), defused against formula injection when opened in a spreadsheet; and whole CSV answers. */
final class Csv {

    private Csv() {
    }

    /** A CSV download: the header line, a line per row (its cells already made by {@link #cell}), as an attachment. */
    static <T> Response download(String header, List<T> rows, Function<T, List<String>> line, String filename) {
        StreamingOutput body = output -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            writer.write(header);
            writer.write("\r\n");
            for (T row : rows) {
                writer.write(String.join(",", line.apply(row)));
                writer.write("\r\n");
            }
            writer.flush();
        };
        return Response.ok(body, ComplianceResource.CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
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

    static String cell(Object value) {
        return value == null ? "" : value.toString();
    }
}
