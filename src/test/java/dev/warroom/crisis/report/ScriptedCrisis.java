package dev.warroom.crisis.report;

import dev.warroom.crisis.BoardService;
import dev.warroom.crisis.ChecklistLoader;
import dev.warroom.crisis.ChecklistService;
import dev.warroom.crisis.CrisisService;
import dev.warroom.crisis.DebtService;
import dev.warroom.crisis.LiveFigures;
import dev.warroom.crisis.MoveResult;
import dev.warroom.crisis.MetricsRecorder;
import dev.warroom.crisis.PlanService;
import dev.warroom.crisis.comms.CommsService;
import dev.warroom.domain.BoardPolicy;
import dev.warroom.domain.Card;
import dev.warroom.domain.CardDraft;
import dev.warroom.domain.CardKind;
import dev.warroom.domain.Column;
import dev.warroom.domain.Priority;
import dev.warroom.domain.comms.CommsCadence;
import dev.warroom.domain.comms.OutputFormat;
import dev.warroom.domain.debt.DebtDraft;
import dev.warroom.domain.debt.DebtStatus;
import dev.warroom.domain.metric.IncidentSeverity;
import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.MetricSample;
import dev.warroom.domain.metric.ScaleSeverity;
import dev.warroom.domain.metric.SeverityChange;
import dev.warroom.domain.plan.DecisionInputs;
import dev.warroom.domain.plan.Quadrant;
import dev.warroom.store.Database;
import dev.warroom.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A five-hour crisis played through the real services on a fixed clock. Start 09:45 (back-dated), surge
 * signal 09:57, declared 10:00, WIP override 10:10, SLA breach 11:25, stable 14:45; samples every 10 s.
 * Card, message, decision and debt texts are hostile on purpose.
 */
final class ScriptedCrisis {
    static final Instant START = Instant.parse("2026-11-23T09:45:00Z");
    static final Instant SIGNAL = Instant.parse("2026-11-23T09:57:00Z");
    static final Instant DECLARED = Instant.parse("2026-11-23T10:00:00Z");
    static final Instant OVERRIDE = Instant.parse("2026-11-23T10:10:00Z");
    static final Instant END = Instant.parse("2026-11-23T14:45:00Z");
    static final Instant REPORT_AT = Instant.parse("2026-11-23T15:00:00Z");

    static final String HOSTILE_CARD = "<script>alert(1)</script> | pipe **bold**";
    static final String LONG_LINE = "x".repeat(5000);
    static final String MESSAGE = "We are investigating <script>alert('x')</script> & slow signups.\n"
            + "| a | b |\n```\nnot code\n```\n" + LONG_LINE;
    static final String RATIONALE = "Stability first | <img src=x onerror=alert(1)> [click](http://evil.example)";
    static final String DEBT = "Pool size hard-coded | <b>500</b> _now_";

    final MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
    long crisisId;

    void play(Database db) {
        CrisisService crises = new CrisisService(db, clock, "alice");
        BoardService board = new BoardService(db, clock, "alice", BoardPolicy.defaults());
        MetricsRecorder recorder = new MetricsRecorder(db, clock, change -> { });
        crisisId = crises.start("Launch <surge> | day", ScaleSeverity.SURGE, START, "@alice").crisis().id();
        crises.assignRole("scribe", "bob");

        recorder.scaleChanged(new SeverityChange<>(ScaleSeverity.NORMAL, ScaleSeverity.GROWTH,
                Instant.parse("2026-11-23T09:50:00Z"), 4));
        recorder.scaleChanged(new SeverityChange<>(ScaleSeverity.GROWTH, ScaleSeverity.SURGE, SIGNAL, 12));
        recorder.incidentChanged(new SeverityChange<>(IncidentSeverity.NONE, IncidentSeverity.SEV2,
                Instant.parse("2026-11-23T10:05:00Z"), 12.5));
        recorder.flush();

        clock.set(OVERRIDE);
        Card a = board.create(draft(HOSTILE_CARD), Column.BACKLOG);
        Card b = board.create(draft("Add read replica"), Column.BACKLOG);
        a = moved(board.move(a.id(), a.version(), Column.IN_PROGRESS, 0, null));
        moved(board.move(b.id(), b.version(), Column.IN_PROGRESS, 1, "DB is melting | now"));
        clock.set(Instant.parse("2026-11-23T10:20:00Z"));
        a = moved(board.move(a.id(), a.version(), Column.REVIEW, 0, null));
        clock.set(Instant.parse("2026-11-23T11:25:00Z"));
        board.recordSlaBreaches();

        clock.set(Instant.parse("2026-11-23T10:15:00Z"));
        new ChecklistService(db, clock, "alice", ChecklistLoader.loadBuiltIn()).tick("first-two-hours",
                "confirm-surge", null);

        CommsService comms = new CommsService(db, clock, "carol", CommsCadence.seedDefault(), LiveFigures.none(),
                ZoneOffset.UTC);
        clock.set(Instant.parse("2026-11-23T10:30:00Z"));
        comms.markSent("status-page", OutputFormat.PLAIN, MESSAGE);
        clock.set(Instant.parse("2026-11-23T10:40:00Z"));
        comms.skip("customers", "Waiting for legal <review>");

        PlanService plan = new PlanService(db, clock, "alice", LiveFigures.none());
        clock.set(Instant.parse("2026-11-23T11:00:00Z"));
        plan.recordDecision(new DecisionInputs(3, 1200, 500, 3), Quadrant.STABILITY_FIRST, RATIONALE);

        clock.set(Instant.parse("2026-11-23T11:30:00Z"));
        new DebtService(db, clock, "alice").create(new DebtDraft("Database", DEBT, "no time", "dave", 1,
                DebtStatus.OPEN));

        recorder.incidentChanged(new SeverityChange<>(IncidentSeverity.SEV2, IncidentSeverity.NONE,
                Instant.parse("2026-11-23T12:00:00Z"), 0.8));
        recorder.scaleChanged(new SeverityChange<>(ScaleSeverity.SURGE, ScaleSeverity.GROWTH,
                Instant.parse("2026-11-23T13:00:00Z"), 8));
        recorder.flush();

        db.samples().insert(samples());
        clock.set(END);
        crises.declareStable();
        clock.set(REPORT_AT);
    }

    /** Every 10 s from the start to the end: traffic peaks at 25x at 11:00; the final hour meets p95 and
     * error rate and misses availability (99.5 %). */
    static List<MetricSample> samples() {
        List<MetricSample> out = new ArrayList<>();
        Instant finalHour = END.minus(Duration.ofHours(1));
        Instant peak = Instant.parse("2026-11-23T11:00:00Z");
        for (Instant t = START; t.isBefore(END); t = t.plusSeconds(10)) {
            boolean late = !t.isBefore(finalHour);
            double hoursFromPeak = Math.abs(Duration.between(peak, t).toSeconds()) / 3600.0;
            double traffic = t.equals(peak) ? 25 : Math.max(1, 20 - 5 * hoursFromPeak);
            out.add(new MetricSample(Metric.TRAFFIC_MULTIPLE, t, traffic));
            out.add(new MetricSample(Metric.ERROR_RATE, t, late ? 0.5 : t.equals(peak) ? 14.0 : 4.0));
            out.add(new MetricSample(Metric.P95_LATENCY, t, late ? 300 : t.equals(peak) ? 3400 : 900));
            out.add(new MetricSample(Metric.UPTIME, t, late ? 99.5 : t.equals(peak) ? 97.2 : 99.0));
            out.add(new MetricSample(Metric.SIGNUPS_PER_HOUR, t, 1000));
        }
        return out;
    }

    private static Card moved(MoveResult r) {
        if (r instanceof MoveResult.Moved m) {
            return m.card();
        }
        throw new AssertionError("move refused: " + r);
    }

    private CardDraft draft(String title) {
        return CardDraft.of(title, "", CardKind.SCALING, Priority.HIGH, "erin", "", "", clock.instant(),
                ZoneOffset.UTC);
    }

    static ReportService service(Database db, MutableClock clock) {
        return new ReportService(db, clock, ZoneOffset.UTC, ChecklistLoader.loadBuiltIn(), List.of());
    }
}
