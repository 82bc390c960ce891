package uk.police.oversight.assurance.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.util.ArrayList;
import java.util.List;
import uk.police.oversight.assurance.api.ActionView;
import uk.police.oversight.assurance.api.BacklogView;
import uk.police.oversight.assurance.api.SampleReportView;

/**
 * The report pack as one CSV table a spreadsheet opens: a row per figure, each saying which section, measure, area,
 * risk level, band and month it is. Cells that a spreadsheet would run as a formula are quoted with a leading apostrophe.
 */
public final class CsvReport {

    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema SCHEMA = CsvSchema.builder().addColumn("section").addColumn("measure").addColumn("area")
            .addColumn("riskLevel").addColumn("band").addColumn("month").addColumn("value").addColumn("rag")
            .addColumn("changeSincePrevious").addColumn("changeSinceYearBefore").addColumn("detail").build().withHeader();

    private CsvReport() {
    }

    /** One line of the pack. */
    record Line(String section, String measure, String area, String riskLevel, String band, String month, String value,
            String rag, String changeSincePrevious, String changeSinceYearBefore, String detail) {
    }

    public static String render(ReportPack pack) {
        List<Line> lines = new ArrayList<>();
        String month = pack.month().toString();
        for (ReportPack.Headline h : pack.headlines()) {
            lines.add(new Line("headline", h.metric(), "", "", "", month, number(h.value()), h.rag() == null ? "" : h.rag().name(),
                    number(h.changeSincePrevious()), number(h.changeSinceYearBefore()), "as of " + pack.asOf() + " (" + pack.kind() + ")"));
        }
        trend(lines, "overdue", pack.overdueByArea());
        trend(lines, "complianceRate", pack.complianceRateByArea());
        trend(lines, "overdueRiskReviews", List.of(pack.overdueRiskReviews()));
        BacklogView b = pack.backlog();
        for (BacklogView.RiskRow r : b.byRiskLevel()) {
            for (BacklogView.BandCell c : r.byBand()) {
                lines.add(new Line("backlog", "overdue", "", r.riskLevel(), c.band(), month, Long.toString(c.overdue()), "", "", "", ""));
            }
            lines.add(new Line("backlog", "oldestDaysOverdue", "", r.riskLevel(), "", month,
                    r.oldestDaysOverdue() == null ? "" : r.oldestDaysOverdue().toString(), "", "", "", ""));
        }
        lines.add(new Line("backlog", "reactive", "", "", "", month, Long.toString(b.reactive()), "", "", "",
                "reactively managed, counted apart"));
        actions(lines, "actions-red", pack.redActions());
        actions(lines, "actions-due", pack.dueActions());
        actions(lines, "actions-closed", pack.closedActions());
        for (SampleReportView s : pack.samples()) {
            s.byGrade().forEach((grade, n) -> lines.add(new Line("sample", "grade", "", "", "", month, n.toString(), "", "", "",
                    s.title() + ": " + grade)));
            s.byFlag().forEach((flag, n) -> lines.add(new Line("sample", "flag", "", "", "", month, n.toString(), "", "", "",
                    s.title() + ": " + flag)));
        }
        try {
            return CSV.writer(SCHEMA).writeValueAsString(lines.stream().map(CsvReport::guarded).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void trend(List<Line> lines, String measure, List<ReportPack.Series> series) {
        for (ReportPack.Series s : series) {
            for (int i = 0; i < s.months().size(); i++) {
                Double v = s.values().get(i);
                lines.add(new Line("trend", measure, s.name().equals("Force") ? "" : s.name(), "", "", s.months().get(i).toString(),
                        number(v), "", "", "", ""));
            }
        }
    }

    private static void actions(List<Line> lines, String section, List<ActionView> actions) {
        for (ActionView a : actions) {
            lines.add(new Line(section, a.reference(), "", "", "", a.dueOn().toString(), a.status().name(),
                    a.rag() == null ? "" : a.rag().name(), "", "", a.title() + " (owner: " + a.owner() + ")"));
        }
    }

    private static String number(Double v) {
        if (v == null) {
            return "";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString(v.longValue()) : Double.toString(v);
    }

    private static Line guarded(Line l) {
        return new Line(g(l.section()), g(l.measure()), g(l.area()), g(l.riskLevel()), g(l.band()), g(l.month()), l.value(),
                l.rag(), l.changeSincePrevious(), l.changeSinceYearBefore(), g(l.detail()));
    }

    /** A cell starting with = + - @ (or a tab or return) would run as a formula in a spreadsheet. */
    private static String g(String cell) {
        return cell != null && !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
