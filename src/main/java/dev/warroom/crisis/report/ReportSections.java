package dev.warroom.crisis.report;

import dev.warroom.crisis.report.PostMortem.Detection;
import dev.warroom.crisis.report.PostMortem.KpiCheck;
import dev.warroom.crisis.report.PostMortem.MetricSeries;
import dev.warroom.domain.CrisisOverview;
import dev.warroom.domain.EventKind;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.report.KpiTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's figures and sentences as plain (unescaped) text, shared by the Markdown and HTML
 * renderings so both say exactly the same thing. Renderers escape every cell.
 */
final class ReportSections {
    static final String DEFINITIONS = "How these are measured. Crisis start (T+00:00) is the start recorded for the "
            + "crisis, which may be back-dated to when the surge began. Time to detect runs from the start to the first "
            + "signal in the record: the first scale-severity change to SURGE or VIRAL, or the first alert that started "
            + "firing, whichever came first (a negative time means the signal came before the recorded start). The "
            + "story begins with the lead-up: the severity changes, alerts and source outages before the start, from "
            + "the first one after which things did not calm down again (looked for up to 6 h before the start); "
            + "their clock reads T−. Time to declare runs to when the crisis was started in War Room. Time "
            + "to stable runs to when the crisis was declared stable, against the seed's target of under 72 h. Each "
            + "success metric is judged on its mean over the final hour before the end (before this report for a "
            + "crisis still active): p95 response time under 500 ms, error rate under 1 %, availability (uptime) above "
            + "99.9 %. The worst value in that hour is shown beside it. A metric whose samples cover less than 30 min of that "
            + "hour is not judged: it reads \"too little data\".";

    private final PostMortem pm;
    private final ReportFormat f;

    ReportSections(PostMortem pm, ReportFormat f) {
        this.pm = pm;
        this.f = f;
    }

    List<List<String>> summaryRows() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Crisis", pm.crisis().name() + " (id " + pm.crisis().id() + ")"));
        rows.add(List.of("Started", f.when(pm.crisis().startedAt()) + " (T+00:00)"));
        rows.add(List.of("Ended", pm.crisis().active() ? "Still active at " + f.when(pm.windowEnd())
                : f.when(pm.crisis().endedAt()) + " (" + f.clock(pm.crisis().endedAt()) + ")"));
        rows.add(List.of("Duration", ReportFormat.duration(pm.duration()) + (pm.crisis().active() ? " so far" : "")));
        rows.add(List.of("Declared severity", pm.declaredSeverity() == null ? "not declared" : pm.declaredSeverity().name()));
        if (!pm.roles().containsKey("Incident commander")) {
            rows.add(List.of("Incident commander", "not recorded"));
        }
        pm.roles().forEach((role, holder) -> rows.add(List.of(role, holder)));
        rows.add(List.of("Events in the timeline", String.valueOf(pm.timeline().size())));
        return rows;
    }

    /** Measure, value, when. Empty when no key metric was recorded. */
    List<List<String>> impactRows() {
        List<List<String>> rows = new ArrayList<>();
        peak(rows, "Peak traffic multiple", Metric.TRAFFIC_MULTIPLE, true);
        peak(rows, "Peak error rate", Metric.ERROR_RATE, true);
        peak(rows, "Worst p95 response time", Metric.P95_LATENCY, true);
        peak(rows, "Lowest availability (uptime)", Metric.UPTIME, false);
        MetricSeries signups = pm.series(Metric.SIGNUPS_PER_HOUR);
        if (signups != null && !signups.empty()) {
            rows.add(List.of("Signups", String.format(Locale.ROOT, "about %,.0f in total; peak %s",
                    signups.estimatedTotal(), ReportFormat.figure(Metric.SIGNUPS_PER_HOUR, signups.whole().max())),
                    "peak at " + f.clock(signups.whole().maxAt())));
        } else if (!rows.isEmpty()) {
            rows.add(List.of("Signups", "not recorded", ""));
        }
        return rows;
    }

    private void peak(List<List<String>> rows, String label, Metric m, boolean highest) {
        MetricSeries s = pm.series(m);
        if (s == null || s.empty()) {
            if (pm.metrics().values().stream().anyMatch(x -> !x.empty())) {
                rows.add(List.of(label, "not recorded", ""));
            }
            return;
        }
        double v = highest ? s.whole().max() : s.whole().min();
        long at = highest ? s.whole().maxAt() : s.whole().minAt();
        rows.add(List.of(label, ReportFormat.figure(m, v), f.clock(at) + " · " + f.when(Instant.ofEpochMilli(at))));
    }

    List<String> detectionLines() {
        List<String> lines = new ArrayList<>();
        Instant start = pm.crisis().startedAt();
        lines.add("Crisis start: " + f.when(start) + " (T+00:00).");
        Detection d = pm.detection();
        if (d.firstSignal() == null) {
            lines.add("Time to detect: unknown. No scale change to SURGE or VIRAL and no alert firing was recorded.");
        } else {
            TimelineEvent sig = d.firstSignal();
            lines.add("Time to detect: " + ReportFormat.duration(d.timeToDetect(start)) + ". First signal at "
                    + f.clock(sig.at()) + " (" + f.when(sig.at()) + "): " + sig.summary());
        }
        if (d.declaredAt() != null) {
            lines.add("Time to declare: " + ReportFormat.duration(Duration.between(start, d.declaredAt()))
                    + ". The crisis was started in War Room at " + f.clock(d.declaredAt()) + " ("
                    + f.when(d.declaredAt()) + ").");
        }
        if (pm.crisis().active()) {
            lines.add("Time to stable: not yet. The crisis is still active after " + ReportFormat.duration(pm.duration())
                    + " (target: under 72 h).");
        } else {
            Duration took = pm.duration();
            boolean met = took.compareTo(dev.warroom.domain.CrisisPhase.RECOVERY_TARGET) < 0;
            lines.add("Time to stable: " + ReportFormat.duration(took) + " (declared stable at "
                    + f.clock(pm.crisis().endedAt()) + "). " + CrisisOverview.recoveryVerdict(took) + ": "
                    + (met ? "met." : "MISSED."));
        }
        long met = pm.kpis().stream().filter(k -> k.verdict() == PostMortem.Verdict.MET).count();
        long tooLittle = pm.kpis().stream().filter(k -> k.verdict() == PostMortem.Verdict.TOO_LITTLE_DATA).count();
        lines.add("Success metrics: " + met + " of " + pm.kpis().size() + " met over the final hour."
                + (tooLittle == 0 ? "" : " " + tooLittle + " could not be judged: too little data (less than "
                + ReportFormat.duration(KpiTarget.JUDGED_FROM) + " of samples in the final hour)."));
        return lines;
    }

    /** Metric, target, mean, worst, samples, verdict. */
    List<List<String>> kpiRows() {
        List<List<String>> rows = new ArrayList<>();
        for (KpiCheck k : pm.kpis()) {
            KpiTarget t = k.target();
            Metric m = t.metric();
            boolean data = !k.finalHour().empty();
            rows.add(List.of(t.label(), t.text(), data ? ReportFormat.figure(m, k.finalHour().mean()) : "no data",
                    data ? ReportFormat.figure(m, t.worse(k.finalHour())) : "", String.valueOf(k.finalHour().count()),
                    verdict(k)));
        }
        return rows;
    }

    static String verdict(KpiCheck k) {
        return switch (k.verdict()) {
            case MET -> "met";
            case MISSED -> "MISSED";
            case NO_DATA -> "no data";
            case TOO_LITTLE_DATA -> "too little data";
        };
    }

    /** "Card moved", from CARD_MOVED. */
    static String kindLabel(EventKind kind) {
        String s = kind.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        s = s.replace("wip", "WIP").replace("sla", "SLA").replace("okr", "OKR");
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
