package dev.warroom.crisis;

import dev.warroom.domain.Crisis;
import dev.warroom.domain.EventKind;
import dev.warroom.domain.InvalidInputException;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.plan.CrisisOkrs;
import dev.warroom.domain.plan.Decision;
import dev.warroom.domain.plan.DecisionInputs;
import dev.warroom.domain.plan.DecisionMatrix;
import dev.warroom.domain.plan.KeyResult;
import dev.warroom.domain.plan.ManualKeyResult;
import dev.warroom.domain.plan.OkrStatus;
import dev.warroom.domain.plan.Quadrant;
import dev.warroom.domain.plan.ReadinessAssessment;
import dev.warroom.store.Database;
import dev.warroom.store.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Crisis OKRs (live from metrics or set by hand), the growth-versus-stability decision with its history,
 * and scale-readiness assessments. Every change is one transaction with a timeline event. Call from a
 * background thread.
 */
public final class PlanService {
    public static final String THRESHOLD_SETTING = "decision.highGrowthPerHour";
    private final Database db;
    private final Clock clock;
    private final Actor actor;
    private final LiveFigures figures;
    private final List<KeyResult> keyResults;

    public PlanService(Database db, Clock clock, String actor, LiveFigures figures) {
        this(db, clock, Actor.fixed(actor), figures);
    }

    /** @param actor who is at the keyboard: each event is recorded under the name it holds at that moment */
    public PlanService(Database db, Clock clock, Actor actor, LiveFigures figures) {
        this.db = db;
        this.clock = clock;
        this.actor = actor;
        this.figures = figures;
        this.keyResults = CrisisOkrs.defaults();
    }

    // OKRs

    /** A key result as shown: status, the live value if bound to a metric, or the hand-set note. */
    public record KeyResultState(KeyResult keyResult, OkrStatus status, Double value, ManualKeyResult manual) {
    }

    /**
     * Every key result: live ones from the metrics, the others as set by hand. The capacity key result,
     * until set by hand, follows the latest readiness assessment (its note says so, version -1 marks
     * it as never set by hand).
     */
    public List<KeyResultState> keyResults() {
        Map<String, ManualKeyResult> manual = new LinkedHashMap<>();
        long[] crisis = {0};
        Optional<ReadinessAssessment> latest = db.read(tx -> {
            crisis[0] = crisisId(tx);
            tx.manualKeyResults(crisis[0]).forEach(m -> manual.put(m.keyResultId(), m));
            return tx.readinessAssessments().stream().max(java.util.Comparator.comparing(ReadinessAssessment::date));
        });
        return keyResults.stream().map(kr -> {
            if (kr.live()) {
                OptionalDouble v = live(kr.metric());
                return new KeyResultState(kr, kr.status(v), v.isPresent() ? v.getAsDouble() : null, null);
            }
            ManualKeyResult m = manual.get(kr.id());
            if (m == null && kr.id().equals(CrisisOkrs.CAPACITY_KEY_RESULT) && latest.isPresent()) {
                ReadinessAssessment a = latest.get();
                ManualKeyResult fromAssessment = new ManualKeyResult(crisis[0], kr.id(), CrisisOkrs.capacityStatus(a),
                        CrisisOkrs.capacityNote(a), a.by(), a.at(), -1);
                return new KeyResultState(kr, fromAssessment.status(), null, fromAssessment);
            }
            return new KeyResultState(kr, m == null ? OkrStatus.NOT_STARTED : m.status(), null, m);
        }).toList();
    }

    /**
     * Sets a hand-measured key result. {@code expectedVersion} is the version shown (-1 when it was never set),
     * so a concurrent change is refused rather than overwritten.
     */
    public ManualKeyResult setKeyResult(String id, OkrStatus status, String note, long expectedVersion) {
        KeyResult kr = keyResults.stream().filter(k -> k.id().equals(id)).findFirst()
                .orElseThrow(() -> new InvalidInputException("keyResult", "There is no key result \"" + id + "\"."));
        if (kr.live()) {
            throw new InvalidInputException("keyResult", "\"" + kr.text() + "\" follows " + kr.metric().label()
                    + " live; it cannot be set by hand.");
        }
        if (status == null || status == OkrStatus.NO_DATA) {
            throw new InvalidInputException("status", "Pick a status for \"" + kr.text() + "\".");
        }
        String valid = ManualKeyResult.validNote(note);
        return db.write(tx -> {
            Instant now = clock.instant();
            ManualKeyResult saved = tx.saveManualKeyResult(new ManualKeyResult(crisisId(tx), id, status, valid,
                    actor.get(),
                    now, expectedVersion));
            tx.append(TimelineEvent.of(now, actor.get(), EventKind.OKR_SET, "okr:" + id, "Key result \"" + kr.text()
                    + "\" set to " + status.label() + ": " + valid, null,
                    StateJson.of(Map.of("status", status.name(), "note", valid))));
            return saved;
        });
    }

    // decision matrix

    public DecisionMatrix matrix() {
        return db.read(tx -> tx.setting(THRESHOLD_SETTING).map(s -> {
            try {
                return new DecisionMatrix(Double.parseDouble(s));
            } catch (RuntimeException e) {
                return DecisionMatrix.defaults();
            }
        }).orElse(DecisionMatrix.defaults()));
    }

    public DecisionMatrix setHighGrowthThreshold(String text) {
        double v;
        try {
            v = Double.parseDouble(text == null ? "" : text.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("threshold", "High-growth threshold \"" + text + "\" is not a number.");
        }
        DecisionMatrix m = new DecisionMatrix(v);
        DecisionMatrix before = matrix();
        return db.write(tx -> {
            tx.saveSetting(THRESHOLD_SETTING, Double.toString(v));
            tx.append(TimelineEvent.of(clock.instant(), actor.get(), EventKind.DECISION_THRESHOLD_CHANGED, "decision",
                    "High-growth threshold set to " + text.strip() + " users/h",
                    StateJson.of(Map.of("highGrowthPerHour", before.highGrowthPerHour())),
                    StateJson.of(Map.of("highGrowthPerHour", v))));
            return m;
        });
    }

    /** Stability and growth suggested from live metrics; each empty when its metrics have no value. */
    public record Suggestion(OptionalDouble stability, OptionalDouble growthPerHour, String basis) {
    }

    public Suggestion suggestion() {
        Map<Metric, Double> live = new EnumMap<>(Metric.class);
        for (Metric m : new Metric[] {Metric.UPTIME, Metric.ERROR_RATE, Metric.P95_LATENCY, Metric.CPU}) {
            live(m).ifPresent(v -> live.put(m, v));
        }
        OptionalDouble stability = DecisionMatrix.suggestStability(live);
        OptionalDouble growth = live(Metric.SIGNUPS_PER_HOUR);
        String basis = live.isEmpty() && growth.isEmpty() ? "No live metrics: rate stability and growth yourself."
                : "Suggested from live metrics (" + String.join(", ", live.keySet().stream().map(Metric::label).toList())
                        + (growth.isPresent() ? (live.isEmpty() ? "" : ", ") + "signups/h" : "") + ").";
        return new Suggestion(stability, growth, basis);
    }

    public Decision recordDecision(DecisionInputs inputs, Quadrant chosen, String rationale) {
        return recordDecision(inputs, chosen, rationale, null);
    }

    /**
     * As {@link #recordDecision(DecisionInputs, Quadrant, String)}, refusing when a decision was recorded since
     * the caller looked ({@code seenLatestId}: the newest decision id the caller saw, 0 for none; null skips the
     * check): two people deciding at once give one record, and the second is told who decided.
     */
    public Decision recordDecision(DecisionInputs inputs, Quadrant chosen, String rationale, Long seenLatestId) {
        String why = Decision.validRationale(rationale);
        DecisionMatrix matrix = matrix();
        DecisionMatrix.Assessment a = matrix.assess(inputs);
        Quadrant pick = chosen == null ? a.quadrant() : chosen;
        return db.write(tx -> {
            Instant now = clock.instant();
            if (seenLatestId != null) {
                tx.decisions().stream().findFirst().filter(newest -> newest.id() > seenLatestId).ifPresent(newest -> {
                    throw new dev.warroom.store.StaleUpdateException("A decision was recorded by " + newest.by() + " "
                            + Ago.describe(newest.at(), now) + " (" + newest.chosen().label() + ": "
                            + newest.rationale() + ") — yours was not recorded. Read it, and record yours again if you "
                            + "still disagree.");
                });
            }
            Decision d = tx.insertDecision(new Decision(0, crisisId(tx), now, actor.get(),
                    inputs, a.quadrant(), pick, why));
            String summary = "Decision: " + pick.label() + (pick != a.quadrant() ? " (matrix said "
                    + a.quadrant().label() + ")" : "") + " — " + why + " [stability " + inputs.stability()
                    + "/10, " + inputs.growthPerHour() + " users/h]";
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("stability", inputs.stability());
            after.put("growthPerHour", inputs.growthPerHour());
            after.put("revenuePerHour", inputs.revenuePerHour());
            after.put("windowDays", inputs.windowDays());
            after.put("highGrowthPerHour", matrix.highGrowthPerHour());
            after.put("suggested", a.quadrant().name());
            after.put("chosen", pick.name());
            after.put("rationale", why);
            tx.append(TimelineEvent.of(now, actor.get(),
                    EventKind.DECISION_RECORDED, "decision:" + d.id(), summary, null,
                    StateJson.of(after)));
            return d;
        });
    }

    /** Every recorded decision, newest first. */
    public List<Decision> decisions() {
        return db.read(Tx::decisions);
    }

    // readiness

    public ReadinessAssessment saveReadiness(ReadinessAssessment assessment) {
        return db.write(tx -> {
            Instant now = clock.instant();
            ReadinessAssessment saved = tx.saveReadiness(assessment, actor.get(), now);
            tx.append(TimelineEvent.of(now, actor.get(), EventKind.READINESS_ASSESSED, "readiness:" + saved.date(),
                    "Scale readiness assessed for " + saved.date() + ": tested " + saved.tested() + " of "
                            + saved.target() + " target users, " + saved.checkSummary() + " checks; bottleneck "
                            + saved.bottleneck() + " → " + saved.action(), null,
                    StateJson.of(Map.of("current", saved.current(), "tested", saved.tested(), "target",
                            saved.target(), "checks", saved.checks().stream().sorted().toList()))));
            return saved;
        });
    }

    /** Oldest first. */
    public List<ReadinessAssessment> readiness() {
        return db.read(Tx::readinessAssessments);
    }

    public Clock clock() {
        return clock;
    }

    private OptionalDouble live(Metric m) {
        Optional<LiveFigures.Figure> f = figures.latest(m);
        return f.isPresent() ? OptionalDouble.of(f.get().value()) : OptionalDouble.empty();
    }

    private static long crisisId(Tx tx) {
        return tx.activeCrisis().map(Crisis::id).orElse(0L);
    }
}
