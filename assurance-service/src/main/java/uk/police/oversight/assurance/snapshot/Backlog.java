package uk.police.oversight.assurance.snapshot;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import uk.police.oversight.assurance.api.BacklogView;

/** The backlog's age, laid out from a snapshot's (or visit-scheduler's live) figures. */
public final class Backlog {

    public static final List<String> BANDS = List.of("1-30", "31-90", "91-180", "181+");
    private static final List<String> RISK_ORDER = List.of("VERY_HIGH", "HIGH", "MEDIUM", "LOW");

    private Backlog() {
    }

    public static BacklogView of(LocalDate asOf, String areaCode, Figures figures) {
        List<BacklogView.RiskRow> rows = figures.byRiskLevel().stream()
                .sorted(Comparator.comparingInt(r -> RISK_ORDER.indexOf(r.riskLevel())))
                .map(r -> new BacklogView.RiskRow(r.riskLevel(), r.inScope(), r.overdue(), r.oldestDaysOverdue(), r.reactive(),
                        BANDS.stream().map(band -> new BacklogView.BandCell(band, figures.byRiskAndBand().stream()
                                .filter(c -> c.riskLevel().equals(r.riskLevel()) && c.band().equals(band))
                                .mapToLong(Figures.RiskBand::overdue).sum())).toList()))
                .toList();
        List<BacklogView.BandCell> byBand = BANDS.stream().map(band -> new BacklogView.BandCell(band,
                figures.byBand().stream().filter(b -> b.band().equals(band)).mapToLong(Figures.BandCount::overdue).sum())).toList();
        return new BacklogView(asOf, areaCode, figures.overdue(), figures.oldestDaysOverdue(), BANDS, rows, byBand,
                figures.reactive());
    }
}
