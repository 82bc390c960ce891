package uk.police.oversight.visits.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.police.oversight.visits.api.OverdueVisit;
import uk.police.oversight.visits.model.RiskLevel;

/** The CSV exports: RFC 4180 lines, quoting only where needed, and no cell a spreadsheet would run as a formula. */
class CsvTest {

    private static final UUID OFFENDER = UUID.fromString("0b6f3c52-7f0e-4d7a-a3a4-1f3b5c2d9e80");
    private static final UUID MANAGER = UUID.fromString("5d0e2c8a-3b1f-4a6e-9c7d-2e8f1a4b6c3d");

    @Test
    void aLinePerRecordUnderTheHeaderQuotedOnlyWhereNeeded() throws IOException {
        String csv = csv(row("Alex Morgan", LocalDate.parse("2021-12-01")), row("Smith, \"Jo\"\nJr", null));
        assertEquals("offenderId,pncId,displayName,riskLevel,areaCode,managerId,lastVisitOn,dueOn,daysOverdue,consecutiveNoAccess,"
                + "warrantEligible\r\n"
                + OFFENDER + ",2001/0000001Z,Alex Morgan,HIGH,BRS," + MANAGER + ",2021-12-01,2022-03-01,121,2,true\r\n"
                + OFFENDER + ",2001/0000001Z,\"Smith, \"\"Jo\"\"\nJr\",HIGH,BRS," + MANAGER + ",,2022-03-01,121,2,true\r\n", csv);
    }

    @Test
    void aCellThatAFormulaCouldStartWithIsTextInASpreadsheet() throws IOException {
        for (String formula : List.of("=HYPERLINK(\"http://evil.example\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\r=1")) {
            String guarded = "'" + formula;
            String cell = guarded.matches("(?s).*[,\"\r\n].*") ? "\"" + guarded.replace("\"", "\"\"") + "\"" : guarded;
            String csv = csv(row(formula, null));
            assertTrue(csv.contains(",2001/0000001Z," + cell + ",HIGH,"), csv);
        }
        assertEquals("'=1+1", Csv.defused("=1+1"));
        assertEquals("Robin", Csv.defused("Robin"));
        assertEquals("", Csv.defused(""));
    }

    private static OverdueVisit row(String name, LocalDate lastVisit) {
        return new OverdueVisit(OFFENDER, "2001/0000001Z", name, RiskLevel.HIGH, "BRS", MANAGER, lastVisit, LocalDate.parse("2022-03-01"),
                121, 2, true);
    }

    private static String csv(OverdueVisit... rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Csv.write(OverdueVisit.class, List.of("offenderId", "pncId", "displayName", "riskLevel", "areaCode", "managerId", "lastVisitOn",
                "dueOn", "daysOverdue", "consecutiveNoAccess", "warrantEligible"), List.of(rows), out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
