package uk.police.oversight.assurance.report;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import uk.police.oversight.assurance.api.ActionView;
import uk.police.oversight.assurance.api.BacklogView;
import uk.police.oversight.assurance.api.SampleReportView;
import uk.police.oversight.assurance.snapshot.Rag;
import uk.police.oversight.assurance.snapshot.SnapshotKind;

/** The report pack as a PDF (OpenPDF), with the charts drawn by {@link Charts}. */
public final class PdfReport {

    private static final Font TITLE = new Font(Font.HELVETICA, 20, Font.BOLD);
    private static final Font HEADING = new Font(Font.HELVETICA, 14, Font.BOLD);
    private static final Font BODY = new Font(Font.HELVETICA, 10);
    private static final Font BOLD = new Font(Font.HELVETICA, 10, Font.BOLD);
    private static final Font SMALL = new Font(Font.HELVETICA, 8, Font.NORMAL, new Color(0x50, 0x5a, 0x5f));

    private PdfReport() {
    }

    public static byte[] render(ReportPack pack) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 40, 40, 40, 40);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("RSO compliance report pack, " + pack.month().format(Formats.MONTH));
            document.addSubject("Offender Management Oversight: monthly accountability meeting pack");
            document.open();
            document.add(new Paragraph("Registered sex offender management: compliance report pack", TITLE));
            document.add(new Paragraph(pack.month().format(Formats.MONTH) + " · figures as of "
                    + pack.asOf().format(Formats.DAY) + kindNote(pack.kind()), BODY));
            document.add(new Paragraph("Aggregates only: this pack names no offender.", SMALL));

            heading(document, "Headline figures");
            PdfPTable headlines = table(new float[] {4, 2, 2, 2.5f, 2.5f}, "Measure", "Value", "RAG", "Since last month", "Since a year before");
            for (ReportPack.Headline h : pack.headlines()) {
                headlines.addCell(cell(h.label(), BODY));
                headlines.addCell(cell(Formats.value(h.value(), h.rate()), BOLD));
                headlines.addCell(ragCell(h.rag()));
                headlines.addCell(cell(Formats.change(h.changeSincePrevious(), h.rate()), BODY));
                headlines.addCell(cell(Formats.change(h.changeSinceYearBefore(), h.rate()), BODY));
            }
            document.add(headlines);

            heading(document, "Trends over 13 months");
            chart(document, Charts.trend("Overdue a home visit, by area", "Overdue", pack.overdueByArea(), false, 1040, 520));
            chart(document, Charts.trend("Visits compliance rate, by area", "Compliance", pack.complianceRateByArea(), true, 1040, 520));
            chart(document, Charts.trend("Overdue risk reviews", "Overdue reviews", List.of(pack.overdueRiskReviews()), false, 1040, 440));

            heading(document, "Backlog ageing");
            chart(document, Charts.backlog(pack.backlog(), 1040, 440));
            document.add(backlogTable(pack.backlog()));
            document.add(new Paragraph("Reactively managed offenders in the community (no scheduled visits, counted apart): "
                    + pack.backlog().reactive(), BODY));

            heading(document, "Actions: RED (past their due date)");
            actions(document, pack.redActions());
            heading(document, "Actions due in the next 28 days");
            actions(document, pack.dueActions());
            heading(document, "Actions closed this month");
            actions(document, pack.closedActions());

            heading(document, "Assurance samples whose panels reported this month");
            if (pack.samples().isEmpty()) {
                document.add(new Paragraph("None this month.", BODY));
            }
            for (SampleReportView s : pack.samples()) {
                document.add(new Paragraph(s.title() + ": " + s.findings() + " findings on " + s.cases() + " cases", BOLD));
                PdfPTable grades = table(new float[] {5, 2}, "Grade", "Cases");
                s.byGrade().forEach((grade, n) -> {
                    grades.addCell(cell(grade.replace('_', ' ').toLowerCase(), BODY));
                    grades.addCell(cell(Integer.toString(n), BODY));
                });
                document.add(grades);
                PdfPTable flags = table(new float[] {5, 2}, "Flag", "Findings");
                s.byFlag().forEach((flag, n) -> {
                    flags.addCell(cell(flag.replace('_', ' ').toLowerCase(), BODY));
                    flags.addCell(cell(Integer.toString(n), BODY));
                });
                document.add(flags);
            }
            document.add(new Paragraph("Generated " + Formats.GENERATED.format(pack.generatedAt()) + " by assurance-service from frozen compliance "
                    + "snapshots (visit-scheduler's figures). RECONSTRUCTED figures are computed for a past date from the "
                    + "offenders' current attributes.", SMALL));
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The report pack could not be laid out", e);
        }
        return out.toByteArray();
    }

    private static String kindNote(SnapshotKind kind) {
        return switch (kind) {
            case MONTHLY -> " (monthly snapshot)";
            case ON_DEMAND -> " (snapshot taken on request; the month has not ended)";
            case RECONSTRUCTED -> " (RECONSTRUCTED: computed afterwards from current records)";
        };
    }

    private static void heading(Document document, String text) throws DocumentException {
        Paragraph p = new Paragraph(text, HEADING);
        p.setSpacingBefore(14);
        p.setSpacingAfter(6);
        document.add(p);
    }

    private static void chart(Document document, byte[] png) throws DocumentException {
        try {
            Image image = Image.getInstance(png);
            image.scaleToFit(515, 400);
            image.setAlignment(Element.ALIGN_CENTER);
            document.add(image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PdfPTable backlogTable(BacklogView backlog) {
        float[] widths = new float[backlog.bands().size() + 3];
        java.util.Arrays.fill(widths, 2);
        widths[0] = 3;
        String[] headers = new String[widths.length];
        headers[0] = "Risk level";
        for (int i = 0; i < backlog.bands().size(); i++) {
            headers[i + 1] = backlog.bands().get(i) + " days";
        }
        headers[widths.length - 2] = "Overdue";
        headers[widths.length - 1] = "Oldest (days)";
        PdfPTable table = table(widths, headers);
        for (BacklogView.RiskRow row : backlog.byRiskLevel()) {
            table.addCell(cell(row.riskLevel().replace('_', ' '), BODY));
            row.byBand().forEach(c -> table.addCell(cell(Long.toString(c.overdue()), BODY)));
            table.addCell(cell(Long.toString(row.overdue()), BOLD));
            table.addCell(cell(row.oldestDaysOverdue() == null ? "–" : row.oldestDaysOverdue().toString(), BODY));
        }
        table.addCell(cell("All", BOLD));
        backlog.byBand().forEach(c -> table.addCell(cell(Long.toString(c.overdue()), BOLD)));
        table.addCell(cell(Long.toString(backlog.overdue()), BOLD));
        table.addCell(cell(backlog.oldestDaysOverdue() == null ? "–" : backlog.oldestDaysOverdue().toString(), BOLD));
        return table;
    }

    private static void actions(Document document, List<ActionView> actions) throws DocumentException {
        if (actions.isEmpty()) {
            document.add(new Paragraph("None.", BODY));
            return;
        }
        PdfPTable table = table(new float[] {2, 5, 3, 2, 2.2f, 1.6f}, "Reference", "Action", "Owner", "Due", "Status", "RAG");
        for (ActionView a : actions) {
            table.addCell(cell(a.reference(), BODY));
            table.addCell(cell(a.title(), BODY));
            table.addCell(cell(a.owner(), BODY));
            table.addCell(cell(a.dueOn().format(Formats.DAY), BODY));
            table.addCell(cell(a.status().name().replace('_', ' ').toLowerCase(), BODY));
            table.addCell(ragCell(a.rag()));
        }
        document.add(table);
    }

    private static PdfPTable table(float[] widths, String... headers) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingAfter(6);
        for (String h : headers) {
            PdfPCell cell = cell(h, BOLD);
            cell.setBackgroundColor(new Color(0xf3, 0xf2, 0xf1));
            table.addCell(cell);
        }
        return table;
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(new Chunk(text, font)));
        cell.setPadding(4);
        cell.setBorderColor(new Color(0xb1, 0xb4, 0xb6));
        return cell;
    }

    /** RAG in words on its colour, so that it reads in greyscale too. */
    private static PdfPCell ragCell(Rag rag) {
        PdfPCell cell = cell(Formats.rag(rag), new Font(Font.HELVETICA, 10, Font.BOLD, rag == Rag.AMBER || rag == null ? Color.BLACK : Color.WHITE));
        if (rag != null) {
            cell.setBackgroundColor(switch (rag) {
                case GREEN -> new Color(0x00, 0x70, 0x3c);
                case AMBER -> new Color(0xff, 0xdd, 0x00);
                case RED -> new Color(0xd4, 0x35, 0x1c);
            });
        }
        return cell;
    }
}
