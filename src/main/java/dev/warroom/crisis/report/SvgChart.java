package dev.warroom.crisis.report;

import static dev.warroom.domain.report.ReportText.html;

import dev.warroom.crisis.report.PostMortem.MetricSeries;
import dev.warroom.domain.EventKind;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.domain.metric.DecimatedSeries;
import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.report.KpiTarget;
import java.time.Instant;
import java.util.List;

/**
 * One metric over the crisis as inline SVG: the M4-decimated line, the KPI target as a dashed line,
 * and the crisis's key events as thin vertical markers (hover for what happened). No script, no fonts,
 * no external files.
 */
final class SvgChart {
    static final int WIDTH = 880;
    static final int HEIGHT = 210;
    static final int LEFT = 64;
    static final int RIGHT = 34;
    static final int TOP = 14;
    static final int BOTTOM = 28;
    /** Event markers drawn at most; beyond this the key events are thinned evenly. */
    static final int MAX_MARKERS = 120;

    private SvgChart() {
    }

    /** Which events get a marker, and its CSS class. */
    static String markerClass(EventKind k) {
        return switch (k) {
            case SCALE_SEVERITY_CHANGED, INCIDENT_SEVERITY_CHANGED -> "m-sev";
            case ALERT_STATE_CHANGED -> "m-alert";
            case CRISIS_STARTED, CRISIS_ENDED -> "m-crisis";
            case COMMS_SENT -> "m-comms";
            case DECISION_RECORDED -> "m-decision";
            case WIP_OVERRIDE, SLA_BREACHED -> "m-board";
            default -> null;
        };
    }

    static String draw(MetricSeries s, List<TimelineEvent> markers, ReportFormat f, Instant from, Instant to) {
        Metric m = s.metric();
        long t0 = from.toEpochMilli();
        long t1 = Math.max(to.toEpochMilli(), t0 + 60_000);
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        DecimatedSeries d = s.chart();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < d.size(); i++) {
            double v = d.values()[i];
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        KpiTarget target = target(m);
        if (target != null) {
            lo = Math.min(lo, target.limit());
            hi = Math.max(hi, target.limit());
        }
        if (m != Metric.UPTIME) {
            lo = Math.min(0, lo);
        }
        if (m == Metric.UPTIME) {
            hi = Math.max(hi, 100);
            lo = Math.min(lo, 99.8);
        }
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        double[] ticks = niceTicks(lo, hi);
        lo = Math.min(lo, ticks[0]);
        hi = Math.max(hi, ticks[ticks.length - 1]);
        double ylo = lo;
        double yspan = hi - lo;

        StringBuilder sb = new StringBuilder(d.size() * 16 + 4096);
        sb.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(html(m.label())).append(" over the crisis\">");
        // grid and y labels
        for (double t : ticks) {
            double y = TOP + plotH - (t - ylo) / yspan * plotH;
            sb.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y1=\"").append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\"/>");
            sb.append("<text class=\"ylab\" x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 4)).append("\">")
                    .append(html(ReportFormat.axis(t))).append("</text>");
        }
        // x ticks on the crisis clock
        long step = xStep(t1 - t0);
        for (long t = t0; t <= t1; t += step) {
            double x = LEFT + (t - t0) * plotW / (t1 - t0);
            sb.append("<line class=\"xtick\" x1=\"").append(fmt(x)).append("\" x2=\"").append(fmt(x)).append("\" y1=\"")
                    .append(TOP + (int) plotH).append("\" y2=\"").append(TOP + (int) plotH + 4).append("\"/>");
            sb.append("<text class=\"xlab\" x=\"").append(fmt(x)).append("\" y=\"").append(HEIGHT - 8).append("\">")
                    .append(html(f.clock(t))).append("</text>");
        }
        // event markers
        List<TimelineEvent> shown = thin(markers);
        for (TimelineEvent e : shown) {
            long t = e.at().toEpochMilli();
            if (t < t0 || t > t1) {
                continue;
            }
            double x = LEFT + (t - t0) * plotW / (t1 - t0);
            sb.append("<line class=\"mark ").append(markerClass(e.kind())).append("\" x1=\"").append(fmt(x))
                    .append("\" x2=\"").append(fmt(x)).append("\" y1=\"").append(TOP).append("\" y2=\"")
                    .append(TOP + (int) plotH).append("\"><title>").append(html(f.clock(e.at()) + " " + e.summary()))
                    .append("</title></line>");
        }
        // target line
        if (target != null) {
            double y = TOP + plotH - (target.limit() - ylo) / yspan * plotH;
            sb.append("<line class=\"target\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y1=\"").append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\"><title>Target ")
                    .append(html(target.text())).append("</title></line>");
        }
        // the series
        sb.append("<path class=\"line\" d=\"");
        boolean pen = false;
        for (int i = 0; i < d.size(); i++) {
            double v = d.values()[i];
            if (!Double.isFinite(v)) {
                pen = false;
                continue;
            }
            double x = LEFT + (d.atMillis()[i] - t0) * plotW / (t1 - t0);
            double y = TOP + plotH - (v - ylo) / yspan * plotH;
            sb.append(pen ? 'L' : 'M').append(fmt(x)).append(',').append(fmt(y));
            pen = true;
        }
        sb.append("\"/>");
        sb.append("<rect class=\"frame\" x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"")
                .append((int) plotW).append("\" height=\"").append((int) plotH).append("\"/>");
        sb.append("</svg>");
        return sb.toString();
    }

    static KpiTarget target(Metric m) {
        for (KpiTarget t : KpiTarget.values()) {
            if (t.metric() == m) {
                return t;
            }
        }
        return null;
    }

    private static List<TimelineEvent> thin(List<TimelineEvent> markers) {
        if (markers.size() <= MAX_MARKERS) {
            return markers;
        }
        List<TimelineEvent> out = new java.util.ArrayList<>(MAX_MARKERS);
        for (int i = 0; i < MAX_MARKERS; i++) {
            out.add(markers.get((int) ((long) i * markers.size() / MAX_MARKERS)));
        }
        return out;
    }

    private static long xStep(long span) {
        long minute = 60_000;
        long[] steps = {5 * minute, 10 * minute, 15 * minute, 30 * minute, 60 * minute, 120 * minute, 180 * minute,
                360 * minute, 720 * minute, 1440 * minute, 2880 * minute, 10080 * minute};
        for (long s : steps) {
            if (span / s <= 10) {
                return s;
            }
        }
        return Math.max(1, span / 10);
    }

    static double[] niceTicks(double lo, double hi) {
        double raw = (hi - lo) / 4;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double norm = raw / mag;
        double step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10) * mag;
        double first = Math.floor(lo / step) * step;
        double last = Math.ceil(hi / step) * step;
        int n = (int) Math.round((last - first) / step) + 1;
        double[] out = new double[Math.max(2, n)];
        for (int i = 0; i < out.length; i++) {
            out[i] = first + i * step;
        }
        return out;
    }

    /**
     * A coordinate to one decimal ("12.3"), without {@link String#format}: a 72-hour report writes tens of
     * thousands of them, and the formatter took a fifth of the report's run time.
     */
    static String fmt(double v) {
        long tenths = Math.round(v * 10);
        long whole = tenths / 10;
        long tenth = Math.abs(tenths % 10);
        return (tenths < 0 && whole == 0 ? "-0" : Long.toString(whole)) + "." + tenth;
    }
}
