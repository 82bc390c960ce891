package uk.police.oversight.assurance.report;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import uk.police.oversight.assurance.api.ActionView;
import uk.police.oversight.assurance.api.BacklogView;

/**
 * The report pack as one self-contained HTML page (Qute): the charts inline as images with a table beside each, so
 * that it can be saved, mailed and printed as it is.
 */
@ApplicationScoped
public class HtmlReport {

    /** The page's own policy: no scripts, nothing fetched; its inline styles and images only. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; frame-ancestors 'none'";

    @Inject
    @Location("report-pack.html")
    Template page;

    /** A row of a table, already written out. */
    public record Row(List<String> cells) {
    }

    /** A chart and the table that says the same. */
    public record Figure(String title, String image, String alt, List<String> header, List<Row> rows) {
    }

    /** A headline as the page shows it. */
    public record HeadlineRow(String label, String value, String rag, String ragClass, String sincePrevious, String sinceYearBefore) {
    }

    /** An action as the page shows it. */
    public record ActionRow(String reference, String title, String owner, String due, String status, String rag, String ragClass) {
    }

    public String render(ReportPack pack) {
        List<HeadlineRow> headlines = pack.headlines().stream().map(h -> new HeadlineRow(h.label(), Formats.value(h.value(), h.rate()),
                Formats.rag(h.rag()), ragClass(h.rag() == null ? null : h.rag().name()),
                Formats.change(h.changeSincePrevious(), h.rate()), Formats.change(h.changeSinceYearBefore(), h.rate()))).toList();
        List<Figure> figures = List.of(
                trend("Overdue a home visit, by area", pack.overdueByArea(), false),
                trend("Visits compliance rate, by area", pack.complianceRateByArea(), true),
                trend("Overdue risk reviews", List.of(pack.overdueRiskReviews()), false),
                backlog(pack.backlog()));
        return page.data("pack", pack)
                .data("month", pack.month().format(Formats.MONTH))
                .data("asOf", pack.asOf().format(Formats.DAY))
                .data("generated", Formats.GENERATED.format(pack.generatedAt()))
                .data("kind", pack.kind().name())
                .data("headlines", headlines)
                .data("figures", figures)
                .data("reactive", pack.backlog().reactive())
                .data("red", actions(pack.redActions()))
                .data("due", actions(pack.dueActions()))
                .data("closed", actions(pack.closedActions()))
                .data("samples", pack.samples())
                .render();
    }

    private static Figure trend(String title, List<ReportPack.Series> lines, boolean rate) {
        List<String> header = new ArrayList<>();
        header.add("Month");
        lines.forEach(l -> header.add(l.name()));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.get(0).months().size(); i++) {
            List<String> cells = new ArrayList<>();
            cells.add(lines.get(0).months().get(i).format(Formats.MONTH));
            for (ReportPack.Series l : lines) {
                Double v = l.values().get(i);
                cells.add(v == null ? "–" : Formats.value(v, rate));
            }
            rows.add(new Row(cells));
        }
        String image = "data:image/png;base64," + Base64.getEncoder().encodeToString(Charts.trend(title, rate ? "Compliance" : "Count", lines, rate, 900, 420));
        return new Figure(title, image, title + " over 13 months: the table below gives every value", header, rows);
    }

    private static Figure backlog(BacklogView backlog) {
        List<String> header = new ArrayList<>();
        header.add("Risk level");
        backlog.bands().forEach(b -> header.add(b + " days"));
        header.add("Overdue");
        header.add("Oldest (days)");
        List<Row> rows = new ArrayList<>();
        for (BacklogView.RiskRow r : backlog.byRiskLevel()) {
            List<String> cells = new ArrayList<>();
            cells.add(r.riskLevel().replace('_', ' '));
            r.byBand().forEach(c -> cells.add(Long.toString(c.overdue())));
            cells.add(Long.toString(r.overdue()));
            cells.add(r.oldestDaysOverdue() == null ? "–" : r.oldestDaysOverdue().toString());
            rows.add(new Row(cells));
        }
        List<String> all = new ArrayList<>();
        all.add("All");
        backlog.byBand().forEach(c -> all.add(Long.toString(c.overdue())));
        all.add(Long.toString(backlog.overdue()));
        all.add(backlog.oldestDaysOverdue() == null ? "–" : backlog.oldestDaysOverdue().toString());
        rows.add(new Row(all));
        String image = "data:image/png;base64," + Base64.getEncoder().encodeToString(Charts.backlog(backlog, 900, 380));
        return new Figure("Backlog ageing", image, "Overdue home visits by risk level and days overdue: the table below gives every value",
                header, rows);
    }

    private static List<ActionRow> actions(List<ActionView> actions) {
        return actions.stream().map(a -> new ActionRow(a.reference(), a.title(), a.owner(), a.dueOn().format(Formats.DAY),
                a.status().name().replace('_', ' ').toLowerCase(), Formats.rag(a.rag()), ragClass(a.rag() == null ? null : a.rag().name()))).toList();
    }

    private static String ragClass(String rag) {
        return rag == null ? "rag-none" : "rag-" + rag.toLowerCase();
    }
}
