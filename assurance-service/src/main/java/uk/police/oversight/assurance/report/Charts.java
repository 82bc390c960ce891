package uk.police.oversight.assurance.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import uk.police.oversight.assurance.api.BacklogView;

/**
 * The report pack's charts, drawn by JFreeChart as PNG: trends over 13 months (a line per area) and the backlog by
 * band and risk level. Colours are the GOV.UK palette, distinguishable in greyscale by line weight and marker.
 */
public final class Charts {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** GOV.UK colours: blue, orange, turquoise, purple, dark grey, green. */
    private static final Color[] LINES = {new Color(0x1d70b8), new Color(0xf47738), new Color(0x28a197),
        new Color(0x4c2c92), new Color(0x505a5f), new Color(0x00703c)};
    private static final Color[] BANDS = {new Color(0xffdd00), new Color(0xf47738), new Color(0xd4351c), new Color(0x942514)};
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private Charts() {
    }

    /** A line chart of a metric month by month, one line per series (the force first, drawn heaviest). */
    public static byte[] trend(String title, String axis, List<ReportPack.Series> lines, boolean rate, int width, int height) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ReportPack.Series line : lines) {
            for (int i = 0; i < line.months().size(); i++) {
                Double v = line.values().get(i);
                data.addValue(v == null ? null : rate ? v * 100 : v, line.name(), line.months().get(i).toString());
            }
        }
        LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true);
        for (int i = 0; i < lines.size(); i++) {
            renderer.setSeriesPaint(i, LINES[i % LINES.length]);
            renderer.setSeriesStroke(i, new BasicStroke(i == 0 ? 3.0f : 1.6f));
        }
        CategoryAxis months = new CategoryAxis();
        months.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        months.setTickLabelFont(FONT);
        NumberAxis values = new NumberAxis(rate ? axis + " (%)" : axis);
        values.setAutoRangeIncludesZero(!rate);
        values.setTickLabelFont(FONT);
        // Whole numbers of people; a rate to one decimal place. A flat line still gets a readable scale (at least one
        // person or one percentage point), never ticks like 1.667E1.
        if (rate) {
            values.setNumberFormatOverride(new java.text.DecimalFormat("0.0"));
            values.setAutoRangeMinimumSize(1.0);
        } else {
            values.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            values.setAutoRangeMinimumSize(5.0);
        }
        CategoryPlot plot = new CategoryPlot(data, months, values, renderer);
        return png(decorate(new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, true)), width, height);
    }

    /** Overdue home visits by risk level, stacked by band of days overdue. */
    public static byte[] backlog(BacklogView backlog, int width, int height) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (String band : backlog.bands()) {
            for (BacklogView.RiskRow row : backlog.byRiskLevel()) {
                long overdue = row.byBand().stream().filter(c -> c.band().equals(band)).mapToLong(BacklogView.BandCell::overdue).sum();
                data.addValue(overdue, band + " days", row.riskLevel().replace('_', ' '));
            }
        }
        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        renderer.setShadowVisible(false);
        for (int i = 0; i < backlog.bands().size(); i++) {
            renderer.setSeriesPaint(i, BANDS[i % BANDS.length]);
        }
        CategoryAxis levels = new CategoryAxis("Risk level");
        NumberAxis counts = new NumberAxis("Overdue a home visit");
        counts.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CategoryPlot plot = new CategoryPlot(data, levels, counts, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        return png(decorate(new JFreeChart("Backlog ageing: overdue by risk level and days overdue",
                new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, true)), width, height);
    }

    private static JFreeChart decorate(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(Color.WHITE);
        if (chart.getPlot() instanceof CategoryPlot plot) {
            plot.setRangeGridlinePaint(new Color(0xb1b4b6));
            plot.setOutlineVisible(false);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setItemFont(FONT);
        }
        return chart;
    }

    private static byte[] png(JFreeChart chart, int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, width, height, null, false, 6);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
