package dev.warroom.ui.dashboard;

import dev.warroom.crisis.MetricHistory;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.domain.metric.DecimatedSeries;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the chart window says in words: the label of each event tick, the hover read-out at the mouse and
 * the status line. No JavaFX here, so all of it is tested without a screen.
 */
final class ChartWords {
    private static final Pattern TO_LEVEL = Pattern.compile("→ ([^ (]+)");
    private static final Pattern ALERT = Pattern.compile("→ (firing|resolved|pending|inactive)");
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss");

    private ChartWords() {
    }

    /** The short label over an event's tick: "SURGE", "SEV-2", "source down", "high-error-rate firing". */
    static String label(TimelineEvent e) {
        return switch (e.kind()) {
            case SCALE_SEVERITY_CHANGED, INCIDENT_SEVERITY_CHANGED -> level(e.summary())
                    .orElse(e.kind() == dev.warroom.domain.EventKind.SCALE_SEVERITY_CHANGED ? "scale" : "incident");
            case ALERT_STATE_CHANGED -> alert(e);
            case SOURCE_DOWN -> "source down";
            case SOURCE_BACK -> "source back";
            case CRISIS_STARTED -> "crisis start";
            case CRISIS_ENDED -> "stable";
            case COMMS_SENT -> "message sent";
            case DECISION_RECORDED -> "decision";
            case WIP_OVERRIDE -> "WIP override";
            case SLA_BREACHED -> "SLA breach";
            case FEATURES_PAUSED -> "features paused";
            case FEATURES_RESUMED -> "features resumed";
            case ALERT_RECEIVED -> "alert in";
            case ALERT_RESOLVED -> "alert resolved";
            case CARD_MOVED -> "card moved";
            case ROLE_ASSIGNED -> "role";
            case NOTE -> "note";
            default -> e.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    private static Optional<String> level(String summary) {
        Matcher m = TO_LEVEL.matcher(summary == null ? "" : summary);
        return m.find() ? Optional.of(m.group(1).equals("none") ? "no incident" : m.group(1)) : Optional.empty();
    }

    private static String alert(TimelineEvent e) {
        String id = e.subject() != null && e.subject().startsWith("alert:") ? e.subject().substring(6) : "alert";
        Matcher m = ALERT.matcher(e.summary() == null ? "" : e.summary());
        return m.find() ? id + " " + m.group(1) : id;
    }

    /**
     * The value under the mouse: the stored point nearest to {@code atMillis}, never a value made up between
     * two points across a gap. Beside a gap (a gap marker, or a silence longer than the chart's gap time
     * between two points) a point counts only within {@code columnMillis} (one pixel column); elsewhere
     * within the gap time.
     *
     * @return the point's index in the series, or empty where the chart has no data (a gap, before the
     *         first or after the last point)
     */
    static Optional<Integer> pointAt(MetricHistory.Chart chart, long atMillis, long columnMillis) {
        DecimatedSeries s = chart.series();
        int n = s.size();
        if (n == 0) {
            return Optional.empty();
        }
        int next = firstAfter(s.atMillis(), n, atMillis);
        int prev = next - 1;
        boolean prevFinite = prev >= 0 && Double.isFinite(s.values()[prev]);
        boolean nextFinite = next < n && Double.isFinite(s.values()[next]);
        boolean gapBeside = (prev >= 0 && !prevFinite) || (next < n && !nextFinite);
        boolean silence = prevFinite && nextFinite && s.atMillis()[next] - s.atMillis()[prev] > chart.gapMillis();
        long reach = gapBeside || silence ? columnMillis : Math.max(columnMillis, chart.gapMillis());
        int best = -1;
        long bestDistance = Long.MAX_VALUE;
        if (prevFinite && atMillis - s.atMillis()[prev] <= reach) {
            best = prev;
            bestDistance = atMillis - s.atMillis()[prev];
        }
        if (nextFinite && s.atMillis()[next] - atMillis <= reach && s.atMillis()[next] - atMillis < bestDistance) {
            best = next;
        }
        return best < 0 ? Optional.empty() : Optional.of(best);
    }

    private static int firstAfter(long[] at, int n, long t) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (at[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The read-out line at the mouse: "14:02:31 · 1,370 ms", or "14:02:31 · no data (gap)". */
    static String readout(MetricHistory.Chart chart, long atMillis, long columnMillis, ZoneId zone) {
        Optional<Integer> i = pointAt(chart, atMillis, columnMillis);
        if (i.isEmpty()) {
            return HMS.format(Instant.ofEpochMilli(atMillis).atZone(zone)) + " · no data (gap)";
        }
        DecimatedSeries s = chart.series();
        return HMS.format(Instant.ofEpochMilli(s.atMillis()[i.get()]).atZone(zone)) + " · "
                + FigureFormat.withUnit(chart.metric(), s.values()[i.get()]);
    }

    /**
     * The status line in plain words: "Last 1 h · 3,540 samples · highs and lows all shown · 1 gap (no data)
     * · 12 events · updates live".
     */
    static String status(MetricHistory.Chart chart, String range) {
        DecimatedSeries s = chart.series();
        int gaps = 0;
        for (int i = 0; i < s.size(); i++) {
            if (!Double.isFinite(s.values()[i])) {
                gaps++;
            }
        }
        int stored = chart.storedPoints();
        StringBuilder b = new StringBuilder("Last ").append(range).append(" · ");
        if (stored == 0) {
            b.append("no samples yet");
        } else {
            b.append(String.format(Locale.ROOT, "%,d", stored))
                    .append(chart.rawSamples() ? (stored == 1 ? " sample" : " samples")
                            : (stored == 1 ? " minute of samples" : " minutes of samples"));
            b.append(stored > s.size() - gaps ? " · highs and lows all shown" : " · every sample shown");
        }
        if (gaps > 0) {
            b.append(" · ").append(gaps).append(gaps == 1 ? " gap" : " gaps").append(" (no data)");
        }
        int events = chart.events().size();
        b.append(" · ").append(events).append(events == 1 ? " event" : " events");
        if (chart.metric().bands().defined()) {
            b.append(" · dashed: target and critical");
        }
        return b.append(" · updates live").toString();
    }
}
