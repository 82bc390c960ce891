package uk.police.oversight.assurance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import uk.police.oversight.assurance.api.BacklogView;
import uk.police.oversight.assurance.api.SampleReportView;
import uk.police.oversight.assurance.snapshot.Rag;
import uk.police.oversight.assurance.snapshot.SnapshotKind;

/** The pack read back from its PDF: the headlines, RAG, changes, the drawn charts, the backlog, the samples. */
class PdfReportTest {

    @Test
    void thePdfSaysWhatThePackHoldsAndDrawsItsCharts() throws Exception {
        byte[] pdf = PdfReport.render(pack());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            for (String expected : List.of("June 2022", "30 June 2022", "RECONSTRUCTED", "Headline figures", "Overdue a home visit",
                    "217", "81.7%", "RED", "+83", "Backlog ageing", "243", "Reactively managed", "189",
                    "Panel dip-sample, January to June 2022", "names no offender")) {
                assertTrue(text.contains(expected), "the PDF says " + expected + ":\n" + text);
            }
            int images = 0;
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                        images++;
                    }
                }
            }
            assertEquals(4, images, "three trend charts and the backlog chart, drawn");
        }
    }

    @Test
    void theCsvSaysTheSameAndCannotBecomeAFormula() {
        String csv = CsvReport.render(pack());
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("headline,overdue,") && l.contains(",217,")), csv);
        ReportPack hostile = new ReportPack(YearMonth.of(2022, 6), LocalDate.of(2022, 6, 30), SnapshotKind.RECONSTRUCTED, Instant.now(),
                List.of(), List.of(), List.of(), new ReportPack.Series("Force", List.of(), List.of()), backlog(), List.of(), List.of(),
                List.of(), List.of(new SampleReportView(UUID.randomUUID(), "=HYPERLINK(\"http://x\")", 1, 1, Map.of("CONSISTENT", 1),
                        List.of(), Map.of())));
        String guarded = CsvReport.render(hostile);
        assertFalse(guarded.contains(",=HYPERLINK") || guarded.contains("\"=HYPERLINK"), guarded);
    }

    static ReportPack pack() {
        List<YearMonth> months = new ArrayList<>();
        List<Double> overdue = new ArrayList<>();
        List<Double> rate = new ArrayList<>();
        for (int i = 12; i >= 0; i--) {
            months.add(YearMonth.of(2022, 6).minusMonths(i));
            overdue.add(217.0 - i * 10);
            rate.add(0.80 + i * 0.01);
        }
        return new ReportPack(YearMonth.of(2022, 6), LocalDate.of(2022, 6, 30), SnapshotKind.RECONSTRUCTED, Instant.now(),
                List.of(new ReportPack.Headline("overdue", "Overdue a home visit", 217, null, 83.0, 150.0, false),
                        new ReportPack.Headline("complianceRate", "Visits compliance rate", 0.8172, Rag.RED, -0.05, null, true)),
                List.of(new ReportPack.Series("Force", months, overdue)), List.of(new ReportPack.Series("Force", months, rate)),
                new ReportPack.Series("Force", months, overdue), backlog(), List.of(), List.of(), List.of(),
                List.of(new SampleReportView(UUID.randomUUID(), "Panel dip-sample, January to June 2022", 20, 18,
                        Map.of("CONSISTENT", 12, "APPROPRIATE_WITH_OBSERVATIONS", 4, "INAPPROPRIATE", 2, "NO_CONCLUSION", 0),
                        List.of(), Map.of("VISIT_OVERDUE", 5))));
    }

    static BacklogView backlog() {
        List<BacklogView.BandCell> cells = List.of(new BacklogView.BandCell("1-30", 85), new BacklogView.BandCell("31-90", 71),
                new BacklogView.BandCell("91-180", 45), new BacklogView.BandCell("181+", 16));
        return new BacklogView(LocalDate.of(2022, 6, 30), null, 217, 243L, List.of("1-30", "31-90", "91-180", "181+"),
                List.of(new BacklogView.RiskRow("HIGH", 241, 217, 243L, 0, cells)), cells, 189);
    }
}
