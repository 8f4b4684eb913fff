package dev.kexwatch.pages;

import dev.kexwatch.fleet.TrendPoint;
import java.util.List;
import java.util.Locale;

/**
 * The fleet's states over the last scans as an inline SVG of stacked bars: no script and no image request, so
 * it prints and works without JavaScript. Only numbers and fixed words go into the markup.
 */
final class TrendChart {

    private static final int WIDTH = 600;
    private static final int HEIGHT = 160;
    private static final String[][] SERIES = {
            {"state.compliant", "compliant", "#1a7f37"},
            {"state.non_compliant", "non-compliant", "#b42318"},
            {"state.unreachable", "unreachable", "#667085"}};

    private TrendChart() {
    }

    static String svg(List<TrendPoint> points) {
        if (points.isEmpty()) {
            return "";
        }
        long max = Math.max(1, points.stream().mapToLong(TrendChart::total).max().orElse(1));
        double slot = (double) WIDTH / points.size();
        double bar = Math.max(2, slot * 0.7);
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg class=\"trend\" viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"trend-title\">"
                        + "<title id=\"trend-title\">Hosts by state over the last %d finished scans</title>",
                WIDTH, HEIGHT + 4, points.size()));
        for (int i = 0; i < points.size(); i++) {
            TrendPoint p = points.get(i);
            double y = HEIGHT;
            StringBuilder tip = new StringBuilder("scan " + p.scanId());
            for (String[] s : SERIES) {
                long n = p.counts().getOrDefault(s[0], 0L);
                double h = (double) n * HEIGHT / max;
                y -= h;
                tip.append(", ").append(n).append(' ').append(s[1]);
                svg.append(String.format(Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                        i * slot + (slot - bar) / 2, y, bar, h, s[2]));
            }
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"0\" width=\"%.1f\" height=\"%d\" "
                    + "fill=\"transparent\" data-scan=\"%d\"><title>%s</title></rect>", i * slot, slot, HEIGHT,
                    p.scanId(), tip));
        }
        return svg.append("<line x1=\"0\" y1=\"").append(HEIGHT).append("\" x2=\"").append(WIDTH).append("\" y2=\"")
                .append(HEIGHT).append("\" stroke=\"#333\"/></svg>").toString();
    }

    private static long total(TrendPoint p) {
        long sum = 0;
        for (String[] s : SERIES) {
            sum += p.counts().getOrDefault(s[0], 0L);
        }
        return sum;
    }
}
