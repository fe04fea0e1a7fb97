package dev.warroom.crisis.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.warroom.crisis.report.PostMortem.ActionItem;
import dev.warroom.crisis.report.PostMortem.Detection;
import dev.warroom.crisis.report.PostMortem.KpiCheck;
import dev.warroom.crisis.report.PostMortem.MetricSeries;
import dev.warroom.crisis.report.PostMortem.SeverityStep;
import dev.warroom.crisis.report.PostMortem.Verdict;
import dev.warroom.domain.Crisis;
import dev.warroom.domain.CrisisOverview;
import dev.warroom.domain.CrisisPhase;
import dev.warroom.domain.CrisisRole;
import dev.warroom.domain.EventKind;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.domain.comms.CommsEntry;
import dev.warroom.domain.debt.CleanupPlan;
import dev.warroom.domain.debt.DebtEntry;
import dev.warroom.domain.metric.DecimatedSeries;
import dev.warroom.domain.metric.Decimator;
import dev.warroom.domain.metric.IncidentSeverity;
import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.ScaleSeverity;
import dev.warroom.domain.plan.ChecklistProgress;
import dev.warroom.domain.plan.ChecklistTemplate;
import dev.warroom.domain.plan.ChecklistTick;
import dev.warroom.domain.plan.Decision;
import dev.warroom.domain.report.KpiTarget;
import dev.warroom.domain.report.ReportText;
import dev.warroom.domain.report.SeriesStats;
import dev.warroom.store.Database;
import dev.warroom.store.SampleSeries;
import dev.warroom.store.Tx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/** Reads one crisis's record from the database into a {@link PostMortem}. */
final class PostMortemReader {
    /** Chart width in points: charts are M4-decimated to this many columns. */
    static final int CHART_PIXELS = 800;
    /** How far before the crisis start the first signal is looked for (a crisis is often declared late). */
    static final Duration SIGNAL_LOOKBACK = Duration.ofHours(6);
    static final int EVENT_LIMIT = 200_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;
    private final Clock clock;
    private final ZoneId zone;
    private final List<ChecklistTemplate> checklists;
    private final List<CrisisRole> roles;

    PostMortemReader(Database db, Clock clock, ZoneId zone, List<ChecklistTemplate> checklists, List<CrisisRole> roles) {
        this.db = db;
        this.clock = clock;
        this.zone = zone;
        this.checklists = List.copyOf(checklists);
        this.roles = List.copyOf(roles);
    }

    /** Progress and cancellation in one place: every step first checks whether to stop. */
    static final class Steps {
        private final ReportProgress progress;
        private final BooleanSupplier cancelled;

        Steps(ReportProgress progress, BooleanSupplier cancelled) {
            this.progress = progress == null ? ReportProgress.NONE : progress;
            this.cancelled = cancelled == null ? () -> false : cancelled;
        }

        void at(double fraction, String step) {
            checkCancelled();
            progress.update(fraction, step);
        }

        void checkCancelled() {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("Report cancelled; nothing was written.");
            }
        }
    }

    private record Record(Crisis crisis, ScaleSeverity severity, Map<String, String> holders,
                          List<TimelineEvent> events, List<CommsEntry> comms, List<Decision> decisions,
                          List<ChecklistTick> ticks, List<DebtEntry> debt) {
    }

    PostMortem read(long crisisId, Steps steps) {
        steps.at(0.02, "Reading the crisis");
        Instant now = clock.instant();
        Record r = db.read(tx -> record(tx, crisisId, now));
        Crisis crisis = r.crisis();
        Instant start = crisis.startedAt();
        Instant end = crisis.endedAt() != null ? crisis.endedAt() : now.isAfter(start) ? now : start;
        steps.at(0.12, "Reading the timeline");

        boolean truncated = r.events().size() > EVENT_LIMIT;
        List<TimelineEvent> all = truncated ? r.events().subList(0, EVENT_LIMIT) : r.events();
        TimelineEvent signal = all.stream().filter(PostMortemReader::isSignal).findFirst().orElse(null);
        Instant from = all.isEmpty() || !all.get(0).at().isBefore(start) ? start : all.get(0).at();
        List<TimelineEvent> timeline = all.stream().filter(e -> !e.at().isBefore(from)).toList();
        Instant declared = timeline.stream().filter(e -> e.kind() == EventKind.CRISIS_STARTED
                && e.subject().equals("crisis:" + crisis.id())).map(TimelineEvent::at).findFirst().orElse(null);

        Map<Metric, MetricSeries> metrics = new EnumMap<>(Metric.class);
        List<KpiCheck> kpis = new ArrayList<>();
        List<Metric> wanted = new ArrayList<>(PostMortem.CHARTED);
        wanted.add(Metric.SIGNUPS_PER_HOUR);
        long fromMs = start.toEpochMilli();
        long toMs = end.toEpochMilli() + 1;
        long finalFrom = Math.max(fromMs, end.minus(Duration.ofMinutes(KpiTarget.FINAL_WINDOW_MINUTES)).toEpochMilli());
        Map<Metric, SeriesStats> finalHour = new EnumMap<>(Metric.class);
        for (int i = 0; i < wanted.size(); i++) {
            Metric m = wanted.get(i);
            steps.at(0.2 + 0.5 * i / wanted.size(), "Reading metric samples: " + m.label());
            if (Duration.between(start, end).compareTo(RAW_UP_TO) <= 0) {
                SampleSeries s = db.samples().series(m, start, end.plusMillis(1));
                metrics.put(m, series(m, s, fromMs, toMs));
                finalHour.put(m, SeriesStats.of(s.atMillis(), s.values(), s.size(), finalFrom, toMs));
            } else {
                metrics.put(m, fromBuckets(m, db.samples().buckets(m, start, end.plusMillis(1)), fromMs, toMs));
                SampleSeries last = db.samples().series(m, Instant.ofEpochMilli(finalFrom), end.plusMillis(1));
                finalHour.put(m, SeriesStats.of(last.atMillis(), last.values(), last.size(), finalFrom, toMs));
            }
        }
        for (KpiTarget t : KpiTarget.values()) {
            SeriesStats f = finalHour.get(t.metric());
            kpis.add(new KpiCheck(t, f, f.empty() ? Verdict.NO_DATA
                    : f.span().compareTo(KpiTarget.JUDGED_FROM) < 0 ? Verdict.TOO_LITTLE_DATA
                    : t.met(f.mean()) ? Verdict.MET : Verdict.MISSED));
        }

        steps.at(0.75, "Reading communications, decisions, checklists and debt");
        List<ChecklistProgress> progress = checklists.stream().map(t -> ChecklistProgress.of(t, r.ticks())).toList();
        CleanupPlan plan = CleanupPlan.of(r.debt(), CleanupPlan.cleanupStart(start, crisis.endedAt()), now);
        List<TimelineEvent> overrides = timeline.stream().filter(e -> e.kind() == EventKind.WIP_OVERRIDE
                || e.kind() == EventKind.WIP_OVERRIDE_CLEARED).toList();
        List<TimelineEvent> breaches = timeline.stream().filter(e -> e.kind() == EventKind.SLA_BREACHED).toList();
        List<SeverityStep> severity = severity(timeline, crisis);
        Detection detection = new Detection(signal, declared);

        List<KpiCheck> kpiList = List.copyOf(kpis);
        List<ActionItem> actions = actions(crisis, end, kpiList, plan, progress, breaches);
        List<String> missing = missing(crisis, end, timeline, truncated, metrics, signal, r.holders(), r.comms());
        return new PostMortem(crisis, r.severity(), roleTitles(r.holders()), now, zone, end, timeline, truncated,
                metrics, severity, detection, kpiList, r.comms(), r.decisions(), overrides, breaches, progress, plan,
                actions, missing);
    }

    private Record record(Tx tx, long crisisId, Instant now) {
        List<Crisis> crises = tx.crises(Integer.MAX_VALUE);
        Crisis crisis = crises.stream().filter(c -> c.id() == crisisId).findFirst()
                .orElseThrow(() -> new ReportException(noSuchCrisis(crisisId, crises)));
        Instant start = crisis.startedAt();
        Instant end = crisis.endedAt() != null ? crisis.endedAt() : now.isAfter(start) ? now : start;
        // the first signal may come before the declared start, but not from an earlier crisis
        Instant previousEnd = crises.stream().filter(c -> c.id() != crisisId && c.endedAt() != null
                        && !c.endedAt().isAfter(start)).map(Crisis::endedAt).max(Comparator.naturalOrder())
                .orElse(Instant.MIN);
        Instant lookFrom = start.minus(SIGNAL_LOOKBACK);
        if (previousEnd.isAfter(lookFrom)) {
            lookFrom = previousEnd;
        }
        List<TimelineEvent> events = new ArrayList<>(tx.timeline(lookFrom, end.plusMillis(1), EVENT_LIMIT + 1));
        Instant leadUp = leadUpStart(events, start);
        events.removeIf(e -> e.at().isBefore(start) && (leadUp == null || e.at().isBefore(leadUp) || !isLeadUp(e)));
        ScaleSeverity severity = tx.crisisSeverity(crisisId).flatMap(s -> {
            try {
                return Optional.of(ScaleSeverity.valueOf(s));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }).orElse(null);
        List<CommsEntry> comms = new ArrayList<>(tx.commsEntries(crisisId, EVENT_LIMIT));
        comms.sort(Comparator.comparing(CommsEntry::at).thenComparingLong(CommsEntry::id));
        List<Decision> decisions = new ArrayList<>(tx.decisions().stream().filter(d -> d.crisisId() == crisisId).toList());
        decisions.sort(Comparator.comparing(Decision::at).thenComparingLong(Decision::id));
        List<DebtEntry> debt = tx.debtEntries().stream().filter(d -> !d.createdAt().isAfter(end)).toList();
        return new Record(crisis, severity, tx.roleHolders(crisisId), events, comms, decisions,
                tx.checklistTicks(crisisId), debt);
    }

    private static String noSuchCrisis(long id, List<Crisis> crises) {
        if (crises.isEmpty()) {
            return "There is no crisis " + id + ": this database has no crises at all.";
        }
        StringBuilder sb = new StringBuilder("There is no crisis " + id + ". Crises in this database: ");
        int shown = 0;
        for (Crisis c : crises) {
            if (shown++ == 10) {
                sb.append(", …");
                break;
            }
            sb.append(shown > 1 ? ", " : "").append(c.id()).append(" \"").append(ReportText.clip(c.name(), 40))
                    .append("\"");
        }
        return sb.append('.').toString();
    }

    /** What tells the story before the start: severity changes, alerts, sources going down or coming back. */
    static boolean isLeadUp(TimelineEvent e) {
        return switch (e.kind()) {
            case SCALE_SEVERITY_CHANGED, INCIDENT_SEVERITY_CHANGED, ALERT_STATE_CHANGED, SOURCE_DOWN, SOURCE_BACK ->
                    true;
            default -> false;
        };
    }

    /**
     * Where the lead-up to a crisis starting at {@code start} begins: the first severity change away from
     * normal or alert firing after which things did not calm down again (traffic NORMAL, no incident, no
     * alert firing) before the start. Null when all was calm at the start.
     */
    static Instant leadUpStart(List<TimelineEvent> events, Instant start) {
        String scale = ScaleSeverity.NORMAL.name();
        String incident = IncidentSeverity.NONE.name();
        java.util.Set<String> firing = new java.util.HashSet<>();
        Instant from = null;
        for (TimelineEvent e : events) {
            if (!e.at().isBefore(start)) {
                break;
            }
            String level = json(e.after()).path("level").asText("");
            switch (e.kind()) {
                case SCALE_SEVERITY_CHANGED -> scale = level.isEmpty() ? scale : level;
                case INCIDENT_SEVERITY_CHANGED -> incident = level.isEmpty() ? incident : level;
                case ALERT_STATE_CHANGED -> {
                    if ("FIRING".equals(json(e.after()).path("state").asText(""))) {
                        firing.add(e.subject());
                    } else {
                        firing.remove(e.subject());
                    }
                }
                default -> {
                    continue;
                }
            }
            boolean calm = ScaleSeverity.NORMAL.name().equals(scale) && IncidentSeverity.NONE.name().equals(incident)
                    && firing.isEmpty();
            if (calm) {
                from = null;
            } else if (from == null) {
                from = e.at();
            }
        }
        return from;
    }

    /** A scale change up to SURGE or VIRAL, or an alert starting to fire. */
    static boolean isSignal(TimelineEvent e) {
        if (e.kind() == EventKind.SCALE_SEVERITY_CHANGED) {
            String level = json(e.after()).path("level").asText("");
            return level.equals(ScaleSeverity.SURGE.name()) || level.equals(ScaleSeverity.VIRAL.name());
        }
        if (e.kind() == EventKind.ALERT_STATE_CHANGED) {
            return json(e.after()).path("state").asText("").equals("FIRING");
        }
        return false;
    }

    static JsonNode json(String text) {
        if (text == null || text.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            return MissingNode.getInstance();
        }
    }

    /**
     * Long crises are read from the minute buckets (written as samples arrive): a 72-hour crisis is
     * 4,320 rows a metric instead of 259,200. Shorter ones use every raw sample.
     */
    static final Duration RAW_UP_TO = Duration.ofHours(6);

    /** Chart, whole-crisis stats and totals from minute buckets: exact min, max and mean. */
    private static MetricSeries fromBuckets(Metric m, List<dev.warroom.store.SampleBucket> buckets, long fromMs,
                                            long toMs) {
        int n = buckets.size();
        long[] at = new long[n * 2];
        double[] points = new double[n * 2];
        long[] starts = new long[n];
        double[] averages = new double[n];
        int p = 0;
        long count = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long minAt = -1;
        long maxAt = -1;
        for (int i = 0; i < n; i++) {
            var b = buckets.get(i);
            long t = b.start().toEpochMilli();
            starts[i] = t;
            averages[i] = b.average();
            at[p] = t;
            points[p++] = b.min();
            at[p] = t + 30_000;
            points[p++] = b.max();
            count += b.count();
            sum += b.average() * b.count();
            if (b.min() < min) {
                min = b.min();
                minAt = t;
            }
            if (b.max() > max) {
                max = b.max();
                maxAt = t;
            }
        }
        SeriesStats whole = count == 0 ? SeriesStats.EMPTY
                : new SeriesStats((int) Math.min(Integer.MAX_VALUE, count), min, minAt, max, maxAt, sum / count,
                        starts[0], starts[n - 1]);
        long column = Math.max(1, (toMs - fromMs) / CHART_PIXELS);
        long gap = Math.max(Duration.ofMinutes(5).toMillis(), 3 * column);
        DecimatedSeries chart = whole.empty() ? new DecimatedSeries(new long[0], new double[0], 0)
                : Decimator.m4(at, points, p, fromMs, toMs, CHART_PIXELS, gap);
        double total = Double.NaN;
        if (m == Metric.SIGNUPS_PER_HOUR && !whole.empty()) {
            total = integrate(new SampleSeries(starts, averages, n), fromMs, toMs, gap);
        }
        return new MetricSeries(m, chart, whole, total);
    }

    private static MetricSeries series(Metric m, SampleSeries s, long fromMs, long toMs) {
        SeriesStats whole = SeriesStats.of(s.atMillis(), s.values(), s.size(), fromMs, toMs);
        long column = Math.max(1, (toMs - fromMs) / CHART_PIXELS);
        long gap = gap(s, fromMs, toMs, column);
        DecimatedSeries chart = whole.empty() ? new DecimatedSeries(new long[0], new double[0], 0)
                : Decimator.m4(s.atMillis(), s.values(), s.size(), fromMs, toMs, CHART_PIXELS, gap);
        double total = Double.NaN;
        if (m == Metric.SIGNUPS_PER_HOUR && !whole.empty()) {
            total = integrate(s, fromMs, toMs, gap);
        }
        return new MetricSeries(m, chart, whole, total);
    }

    /**
     * How long a silence must be to be drawn as a gap: three times the usual time between samples (the
     * median, so an outage does not stretch it), at least 10 s and three chart columns. A source down for
     * 84 s in a crisis sampled every 5 s is a break in the line, not a straight line across the outage.
     */
    static long gap(SampleSeries s, long fromMs, long toMs, long column) {
        long[] at = s.atMillis();
        long[] steps = new long[Math.max(0, s.size() - 1)];
        int n = 0;
        for (int i = 1; i < s.size(); i++) {
            if (at[i - 1] >= fromMs && at[i] < toMs && at[i] > at[i - 1]) {
                steps[n++] = at[i] - at[i - 1];
            }
        }
        long usual = 0;
        if (n > 0) {
            long[] sorted = java.util.Arrays.copyOf(steps, n);
            java.util.Arrays.sort(sorted);
            usual = sorted[n / 2];
        }
        return Math.max(Math.max(10_000, 3 * column), 3 * usual);
    }

    /** The area under an hourly rate (trapezoids, skipping gaps longer than {@code gap}): a count. */
    private static double integrate(SampleSeries s, long fromMs, long toMs, long gap) {
        double sum = 0;
        long[] at = s.atMillis();
        double[] v = s.values();
        for (int i = 1; i < s.size(); i++) {
            if (at[i - 1] < fromMs || at[i] >= toMs) {
                continue;
            }
            long dt = at[i] - at[i - 1];
            if (dt <= 0 || dt > gap || !Double.isFinite(v[i]) || !Double.isFinite(v[i - 1])) {
                continue;
            }
            sum += (v[i] + v[i - 1]) / 2 * dt / 3_600_000.0;
        }
        return sum;
    }

    private static List<SeverityStep> severity(List<TimelineEvent> timeline, Crisis crisis) {
        List<SeverityStep> out = new ArrayList<>();
        for (TimelineEvent e : timeline) {
            switch (e.kind()) {
                case CRISIS_STARTED -> {
                    String declared = json(e.after()).path("severity").asText("");
                    if (e.subject().equals("crisis:" + crisis.id()) && !declared.isEmpty() && !declared.equals("null")) {
                        out.add(new SeverityStep(e.at(), "Declared", "", declared, e.actor(), e.summary()));
                    }
                }
                case SCALE_SEVERITY_CHANGED -> out.add(new SeverityStep(e.at(), "Scale",
                        json(e.before()).path("level").asText("?"), json(e.after()).path("level").asText("?"),
                        e.actor(), e.summary()));
                case INCIDENT_SEVERITY_CHANGED -> out.add(new SeverityStep(e.at(), "Incident",
                        incident(json(e.before()).path("level").asText("?")),
                        incident(json(e.after()).path("level").asText("?")), e.actor(), e.summary()));
                default -> {
                }
            }
        }
        return out;
    }

    private static String incident(String name) {
        try {
            return IncidentSeverity.valueOf(name).label();
        } catch (IllegalArgumentException e) {
            return name;
        }
    }

    private Map<String, String> roleTitles(Map<String, String> holders) {
        Map<String, String> out = new LinkedHashMap<>();
        for (CrisisRole role : roles) {
            String h = holders.get(role.key());
            if (h != null) {
                out.put(role.title(), h);
            }
        }
        holders.forEach((key, holder) -> {
            if (roles.stream().noneMatch(r -> r.key().equals(key))) {
                out.put(key, holder);
            }
        });
        return out;
    }

    private static List<ActionItem> actions(Crisis crisis, Instant end, List<KpiCheck> kpis, CleanupPlan plan,
                                            List<ChecklistProgress> checklists, List<TimelineEvent> breaches) {
        List<ActionItem> out = new ArrayList<>();
        Duration took = Duration.between(crisis.startedAt(), end);
        if (!crisis.active() && took.compareTo(CrisisPhase.RECOVERY_TARGET) >= 0) {
            out.add(new ActionItem("Recovery", CrisisOverview.recoveryVerdict(took)
                    + ". Find what held recovery up and plan it out of the next surge.", ""));
        }
        for (KpiCheck k : kpis) {
            Metric m = k.target().metric();
            if (k.verdict() == Verdict.MISSED) {
                out.add(new ActionItem("KPI", k.target().label() + " missed its target " + k.target().text()
                        + ": " + ReportFormat.figure(m, k.finalHour().mean()) + " on average over the final hour (worst "
                        + ReportFormat.figure(m, k.target().worse(k.finalHour())) + "). Bring it back within target.", ""));
            } else if (k.verdict() == Verdict.TOO_LITTLE_DATA) {
                out.add(new ActionItem("KPI", k.target().label() + " could not be judged: only "
                        + ReportFormat.duration(k.finalHour().span()) + " of samples in the final hour (at least "
                        + ReportFormat.duration(KpiTarget.JUDGED_FROM) + " needed). Confirm the "
                        + k.target().text() + " target over a full hour of stable running.", ""));
            } else if (k.verdict() == Verdict.NO_DATA) {
                out.add(new ActionItem("KPI", k.target().label() + " was not measured in the final hour, so the "
                        + k.target().text() + " target cannot be confirmed. Make sure " + m.label()
                        + " is recorded.", ""));
            }
        }
        for (CleanupPlan.Week w : plan.weeks()) {
            for (DebtEntry e : w.entries()) {
                out.add(new ActionItem("Scale debt", "Pay back \"" + e.title() + "\" by week " + w.number() + " ("
                        + w.theme() + ")" + (w.overdue() ? ": overdue" : ""), e.owner()));
            }
        }
        for (ChecklistProgress p : checklists) {
            if (p.complete()) {
                continue;
            }
            if (p.done() == 0) {
                out.add(new ActionItem("Checklist", "\"" + p.template().title() + "\" was not started (0 / "
                        + p.total() + "): go through it or note why it does not apply.", ""));
                continue;
            }
            List<String> open = p.template().items().stream().filter(i -> !p.ticks().containsKey(i.id()))
                    .map(ChecklistTemplate.Item::text).toList();
            String shown = String.join("; ", open.subList(0, Math.min(6, open.size())))
                    + (open.size() > 6 ? "; and " + (open.size() - 6) + " more" : "");
            out.add(new ActionItem("Checklist", "Finish \"" + p.template().title() + "\" (" + p.summary()
                    + " done). Still open: " + shown, ""));
        }
        for (TimelineEvent b : breaches) {
            out.add(new ActionItem("SLA", "Review why the SLA was breached: " + b.summary(), ""));
        }
        return List.copyOf(out);
    }

    private static List<String> missing(Crisis crisis, Instant end, List<TimelineEvent> timeline, boolean truncated,
                                        Map<Metric, MetricSeries> metrics, TimelineEvent signal,
                                        Map<String, String> holders, List<CommsEntry> comms) {
        List<String> out = new ArrayList<>();
        if (crisis.active()) {
            out.add("The crisis is still active: figures run to the time of this report and time to stable is "
                    + "not known yet.");
        }
        if (timeline.isEmpty()) {
            out.add("No timeline events were recorded for this crisis.");
        }
        if (truncated) {
            out.add("The timeline has more than " + EVENT_LIMIT + " events; only the first " + EVENT_LIMIT
                    + " are in this report.");
        }
        if (PostMortem.CHARTED.stream().allMatch(m -> metrics.get(m).empty())) {
            out.add("No metric samples were recorded for this crisis: impact, success metrics and charts have no "
                    + "figures.");
        } else {
            for (Metric m : PostMortem.CHARTED) {
                if (metrics.get(m).empty()) {
                    out.add("No samples of " + m.label() + " were recorded for this crisis.");
                }
            }
        }
        if (signal == null) {
            out.add("No surge signal was recorded (no scale change to SURGE or VIRAL, no alert firing), so time to "
                    + "detect cannot be measured.");
        }
        if (!holders.containsKey(CrisisRole.COMMANDER.key())) {
            out.add("No incident commander was recorded.");
        }
        if (comms.isEmpty()) {
            out.add("No communications were sent or skipped during this crisis.");
        }
        return List.copyOf(out);
    }
}
