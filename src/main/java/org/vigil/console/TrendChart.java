package org.vigil.console;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.vigil.advisory.Severity;
import org.vigil.matching.finding.FindingStats;

/**
 * The home page chart as inline SVG drawn on the server (no chart library, no script): one line per severity
 * of open findings over time. The same numbers are in a table next to it for screen readers.
 */
public final class TrendChart {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 220;
    private static final int LEFT = 44;
    private static final int RIGHT = 110;
    private static final int TOP = 12;
    private static final int BOTTOM = 28;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d").withZone(ZoneOffset.UTC);
    private static final Map<Severity, String> COLORS = Map.of(Severity.CRITICAL, "#8b0000", Severity.HIGH, "#b35900",
            Severity.MEDIUM, "#7a6200", Severity.LOW, "#1f6f3f", Severity.UNKNOWN, "#57606a");

    private TrendChart() {
    }

    public static String svg(FindingStats.Trend trend) {
        int n = trend.days().size();
        long max = 1;
        for (List<Long> series : trend.counts().values()) {
            for (long v : series) {
                max = Math.max(max, v);
            }
        }
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder sb = new StringBuilder();
        sb.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-labelledby=\"trend-title\" xmlns=\"http://www.w3.org/2000/svg\">")
                .append("<title id=\"trend-title\">Open findings by severity, last 90 days</title>");
        sb.append(line(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH, "#8c959f"));
        sb.append(line(LEFT, TOP, LEFT, TOP + plotH, "#8c959f"));
        sb.append(text(LEFT - 6, TOP + 10, "end", String.valueOf(max)));
        sb.append(text(LEFT - 6, TOP + plotH, "end", "0"));
        sb.append(text(LEFT, HEIGHT - 8, "start", DAY.format(trend.days().get(0))));
        sb.append(text(LEFT + plotW, HEIGHT - 8, "end", DAY.format(trend.days().get(n - 1))));
        int legend = 0;
        for (Severity s : Severity.values()) {
            List<Long> series = trend.counts().get(s);
            if (s == Severity.UNKNOWN && series.stream().allMatch(v -> v == 0)) {
                continue;
            }
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < n; i++) {
                double x = LEFT + (n == 1 ? 0 : plotW * i / (n - 1));
                double y = TOP + plotH - plotH * series.get(i) / max;
                points.append(String.format(java.util.Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            sb.append("<polyline fill=\"none\" stroke-width=\"2.5\" stroke=\"").append(COLORS.get(s))
                    .append("\" points=\"").append(points.toString().trim()).append("\"/>");
            int ly = TOP + 14 + legend++ * 18;
            sb.append(line(WIDTH - RIGHT + 12, ly - 4, WIDTH - RIGHT + 30, ly - 4, COLORS.get(s)));
            sb.append(text(WIDTH - RIGHT + 34, ly, "start", s.name().charAt(0) + s.name().substring(1).toLowerCase()
                    + " " + series.get(n - 1)));
        }
        return sb.append("</svg>").toString();
    }

    private static String line(double x1, double y1, double x2, double y2, String color) {
        return String.format(java.util.Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"/>", x1, y1, x2, y2, color);
    }

    private static String text(double x, double y, String anchor, String value) {
        return String.format(java.util.Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"12\""
                + " fill=\"#1b1f24\">%s</text>", x, y, anchor, value);
    }
}
