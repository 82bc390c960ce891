package uk.police.oversight.visits.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * CSV exports (RFC 4180: CRLF lines, a header, a field quoted only when it must be) written by Jackson's CSV
 * module from the same records as the JSON answers, with every text cell defused against formula injection when the
 * file is opened in a spreadsheet: a cell that starts with {@code = + - @}, a tab or a carriage return gets a
 * leading apostrophe, which spreadsheets take as "this is text".
 */
final class Csv {

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("csv-formula-guard").addSerializer(String.class, new FormulaGuard()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    private Csv() {
    }

    /** A CSV download of records of one type: the columns (the records' property names) in order, a line per row. */
    static <T> Response download(Class<T> type, List<String> columns, List<T> rows, String filename) {
        StreamingOutput body = output -> write(type, columns, rows, output);
        return Response.ok(body, ComplianceResource.CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }

    static <T> void write(Class<T> type, List<String> columns, List<T> rows, OutputStream output) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n");
        columns.forEach(schema::addColumn);
        ObjectWriter writer = MAPPER.writerFor(type).with(schema.build()).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        try (SequenceWriter lines = writer.writeValues(output)) {
            lines.writeAll(rows);
        }
    }

    /** The text as a spreadsheet will show it, never as a formula it would run. */
    static String defused(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static final class FormulaGuard extends StdSerializer<String> {

        FormulaGuard() {
            super(String.class);
        }

        @Override
        public void serialize(String value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(defused(value));
        }
    }
}
