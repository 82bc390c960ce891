package uk.police.oversight.web.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Charts drawn on the server as SVG: no script, nothing the page's policy has to allow, readable without
 * JavaScript, and printed as drawn. Each chart has a title for screen readers and a table beside it on the page.
 * Colours are GOV.UK's, and each line also has its own dash pattern and marker so that colour is never the only cue.
 */
public final class Svg {

    /** One line: its name and a value per point (null where there is none). */
    public record Series(String name, List<Double> values) {
    }

    /** One bar: its label and value. */
    public record Bar(String label, double value) {
    }

    static final String[] COLOURS = {"#1d70b8", "#d4351c", "#00703c", "#4c2c92", "#f47738", "#28a197", "#d53880", "#505a5f"};
    static final String[] DASHES = {"", "6 3", "2 3", "8 3 2 3", "1 2", "10 4", "4 4", "3 6"};
    private static final int WIDTH = 640;
    private static final int HEIGHT = 300;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 64;

    private Svg() {
    }

    /** A line chart of {@code series} over {@code labels} (one per point), with {@code unit} after each tick ("%" or ""). */
    public static String lines(String id, String title, List<String> labels, List<Series> series, String unit) {
        double max = 0;
        double min = Double.MAX_VALUE;
        for (Series s : series) {
            for (Double v : s.values()) {
                if (v != null) {
                    max = Math.max(max, v);
                    min = Math.min(min, v);
                }
            }
        }
        if (min == Double.MAX_VALUE) {
            min = 0;
        }
        double[] scale = "%".equals(unit) ? percentScale(min, max) : countScale(max);
        int legendRows = (series.size() + 3) / 4;
        StringBuilder svg = open(id, title, HEIGHT + legendRows * 24);
        axes(svg, scale, unit, labels);
        for (int s = 0; s < series.size(); s++) {
            double x = LEFT + (s % 4) * 145;
            double y = HEIGHT + 8 + (s / 4) * 24;
            String colour = COLOURS[s % COLOURS.length];
            String dash = DASHES[s % DASHES.length];
            svg.append("<line x1=\"").append(fmt(x)).append("\" x2=\"").append(fmt(x + 28)).append("\" y1=\"").append(fmt(y))
                    .append("\" y2=\"").append(fmt(y)).append("\" stroke=\"").append(colour).append("\" stroke-width=\"2.5\"")
                    .append(dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"").append("/>");
            svg.append(marker(s, x + 14, y, colour));
            svg.append(text(x + 34, y + 5, "start", escape(series.get(s).name())));
        }
        int n = Math.max(1, labels.size() - 1);
        for (int s = 0; s < series.size(); s++) {
            String colour = COLOURS[s % COLOURS.length];
            String dash = DASHES[s % DASHES.length];
            StringBuilder points = new StringBuilder();
            List<String> markers = new ArrayList<>();
            List<Double> values = series.get(s).values();
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) == null) {
                    continue;
                }
                double x = LEFT + (WIDTH - LEFT - RIGHT) * (double) i / n;
                double y = y(values.get(i), scale);
                points.append(fmt(x)).append(',').append(fmt(y)).append(' ');
                markers.add(marker(s, x, y, colour));
            }
            svg.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2.5\"")
                    .append(dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"").append(" points=\"")
                    .append(points.toString().strip()).append("\"/>");
            markers.forEach(svg::append);
        }
        return svg.append("</svg>").toString();
    }

    /** A bar chart, one bar per label, in one colour. */
    public static String bars(String id, String title, List<Bar> bars) {
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        double[] scale = countScale(max);
        List<String> labels = bars.stream().map(Bar::label).toList();
        StringBuilder svg = open(id, title, HEIGHT - BOTTOM + 30);
        axes(svg, scale, "", List.of());
        double slot = (WIDTH - LEFT - RIGHT) / (double) Math.max(1, bars.size());
        for (int i = 0; i < bars.size(); i++) {
            double x = LEFT + slot * i + slot * 0.2;
            double y = y(bars.get(i).value(), scale);
            double h = HEIGHT - BOTTOM - y;
            svg.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y)).append("\" width=\"").append(fmt(slot * 0.6))
                    .append("\" height=\"").append(fmt(h)).append("\" fill=\"#1d70b8\"/>");
            svg.append(text(x + slot * 0.3, y - 6, "middle", number(bars.get(i).value())));
            svg.append(text(x + slot * 0.3, HEIGHT - BOTTOM + 20, "middle", escape(labels.get(i))));
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String id, String title, int height) {
        return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"app-chart\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title\" focusable=\"false\">")
                .append("<title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
    }

    private static void axes(StringBuilder svg, double[] scale, String unit, List<String> labels) {
        for (double tick = scale[0]; tick <= scale[1] + 1e-9; tick += scale[2]) {
            double y = y(tick, scale);
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(fmt(y))
                    .append("\" y2=\"").append(fmt(y)).append("\" stroke=\"#b1b4b6\" stroke-width=\"1\"/>");
            svg.append(text(LEFT - 8, y + 5, "end", number(tick) + unit));
        }
        int n = Math.max(1, labels.size() - 1);
        for (int i = 0; i < labels.size(); i++) {
            double x = LEFT + (WIDTH - LEFT - RIGHT) * (double) i / n;
            if (labels.size() > 7 && i % 2 == 1 && i != labels.size() - 1) {
                continue;
            }
            svg.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(HEIGHT - BOTTOM + 18)
                    .append("\" font-family=\"arial, sans-serif\" font-size=\"13\" fill=\"#0b0c0c\" text-anchor=\"end\" transform=\"rotate(-40 ")
                    .append(fmt(x)).append(' ').append(HEIGHT - BOTTOM + 18).append(")\">").append(escape(labels.get(i))).append("</text>");
        }
        svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(HEIGHT - BOTTOM)
                .append("\" y2=\"").append(HEIGHT - BOTTOM).append("\" stroke=\"#0b0c0c\" stroke-width=\"1\"/>");
    }

    private static String marker(int series, double x, double y, String colour) {
        return switch (series % 3) {
            case 0 -> "<circle cx=\"" + fmt(x) + "\" cy=\"" + fmt(y) + "\" r=\"3.5\" fill=\"" + colour + "\"/>";
            case 1 -> "<rect x=\"" + fmt(x - 3.5) + "\" y=\"" + fmt(y - 3.5) + "\" width=\"7\" height=\"7\" fill=\"" + colour + "\"/>";
            default -> "<polygon points=\"" + fmt(x) + "," + fmt(y - 4.5) + " " + fmt(x + 4.5) + "," + fmt(y + 3.5) + " " + fmt(x - 4.5) + ","
                    + fmt(y + 3.5) + "\" fill=\"" + colour + "\"/>";
        };
    }

    /** Lowest tick, highest tick, step: whole numbers from 0 with a round step. */
    static double[] countScale(double max) {
        double top = Math.max(max, 4);
        double rough = top / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double step = magnitude;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * magnitude >= rough) {
                step = m * magnitude;
                break;
            }
        }
        step = Math.max(1, Math.ceil(step));
        return new double[] {0, Math.ceil(top / step) * step, step};
    }

    /** A rate: from a round number below the lowest value to 100, in steps of 5, 10 or 20. */
    static double[] percentScale(double min, double max) {
        double low = Math.max(0, Math.floor((Math.min(min, max) - 5) / 10) * 10);
        double span = 100 - low;
        double step = span <= 25 ? 5 : span <= 50 ? 10 : 20;
        low = 100 - Math.ceil(span / step) * step;
        return new double[] {Math.max(0, low), 100, step};
    }

    private static double y(double value, double[] scale) {
        double span = scale[1] - scale[0];
        return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * (span == 0 ? 0 : (value - scale[0]) / span);
    }

    private static String text(double x, double y, String anchor, String text) {
        return "<text x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" font-family=\"arial, sans-serif\" font-size=\"13\" fill=\"#0b0c0c\" text-anchor=\""
                + anchor + "\">" + text + "</text>";
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.format(Locale.UK, "%,d", (long) value) : String.format(Locale.UK, "%.1f", value);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
