package dev.warroom.crisis.report;

import dev.warroom.domain.Crisis;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.domain.comms.CommsEntry;
import dev.warroom.domain.debt.CleanupPlan;
import dev.warroom.domain.metric.DecimatedSeries;
import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.ScaleSeverity;
import dev.warroom.domain.plan.ChecklistProgress;
import dev.warroom.domain.plan.Decision;
import dev.warroom.domain.report.KpiTarget;
import dev.warroom.domain.report.SeriesStats;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Everything a post-mortem report says about one crisis, read from the database in one go; the
 * Markdown and HTML renderings are made from this and nothing else.
 *
 * @param windowEnd   when the report's window closes: the crisis end, or "now" for a crisis still active
 * @param roles       role title → holder, built-in roles first
 * @param timeline    every event from the crisis start to the window end, after the lead-up: the severity
 *                    changes, alerts and source outages before the start that led into it
 * @param missing     plain sentences naming what was not recorded ("No metric samples were recorded …")
 */
public record PostMortem(Crisis crisis, ScaleSeverity declaredSeverity, Map<String, String> roles,
                         Instant generatedAt, ZoneId zone, Instant windowEnd, List<TimelineEvent> timeline,
                         boolean timelineTruncated, Map<Metric, MetricSeries> metrics, List<SeverityStep> severity,
                         Detection detection, List<KpiCheck> kpis, List<CommsEntry> comms, List<Decision> decisions,
                         List<TimelineEvent> overrides, List<TimelineEvent> slaBreaches,
                         List<ChecklistProgress> checklists, CleanupPlan debt, List<ActionItem> actions,
                         List<String> missing) {

    /** The four charts, in the order they are drawn. */
    public static final List<Metric> CHARTED = List.of(Metric.TRAFFIC_MULTIPLE, Metric.ERROR_RATE,
            Metric.P95_LATENCY, Metric.UPTIME);

    /**
     * One metric over the crisis: chart points (M4-decimated to the chart width), stats over the
     * whole window, and for signups an estimate of the total (the hourly rate integrated over time).
     */
    public record MetricSeries(Metric metric, DecimatedSeries chart, SeriesStats whole, double estimatedTotal) {
        public boolean empty() {
            return whole.empty();
        }
    }

    /** A scale or incident severity change (or the severity declared at the start), in order. */
    public record SeverityStep(Instant at, String scale, String from, String to, String actor, String summary) {
    }

    /**
     * The first sign of the crisis in the record: the first scale change to SURGE or VIRAL, or the first
     * alert to start firing, whichever came first (null when neither was recorded), and when the crisis was
     * declared (the CRISIS_STARTED event).
     */
    public record Detection(TimelineEvent firstSignal, Instant declaredAt) {
        public Duration timeToDetect(Instant start) {
            return firstSignal == null ? null : Duration.between(start, firstSignal.at());
        }
    }

    /** TOO_LITTLE_DATA: samples cover less than {@link KpiTarget#JUDGED_FROM} of the final hour. */
    public enum Verdict { MET, MISSED, NO_DATA, TOO_LITTLE_DATA }

    /** One success metric judged over the final hour: mean and worst value there, and the verdict. */
    public record KpiCheck(KpiTarget target, SeriesStats finalHour, Verdict verdict) {
    }

    /** Something to do after the crisis, with where it came from ("Scale debt", "KPI", "Checklist", "SLA"). */
    public record ActionItem(String source, String text, String owner) {
    }

    /** How long the crisis ran (to its end, or to now when active). */
    public Duration duration() {
        return Duration.between(crisis.startedAt(), windowEnd);
    }

    public MetricSeries series(Metric m) {
        return metrics.get(m);
    }
}
