package dev.warroom.domain.metric;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleFunction;

/**
 * A severity level that only moves once the new level has been sustained.
 *
 * <p>Escalation: the level rises to the highest level L whose threshold the raw value has
 * met continuously for {@code escalateAfter} (a ramp through SURGE into VIRAL escalates to
 * SURGE first, then VIRAL once VIRAL itself is sustained). De-escalation: the level falls
 * to the lowest level L the raw value has stayed at or below continuously for
 * {@code calmAfter}. Escalation is quicker than calming down on purpose: an incident
 * commander would rather hear early and stand down late.
 *
 * <p>Default durations: escalate after 2 minutes, calm after 5 minutes. Two minutes keeps
 * a single spike out of the banner yet is well inside the seeds' 5-minute detection
 * triggers; five minutes matches the seeds' shortest "sustained" window and stops the banner
 * flapping at a boundary.
 * Not thread-safe.
 */
public final class SustainedSeverity<L extends Enum<L>> {

    public static final Duration DEFAULT_ESCALATE_AFTER = Duration.ofMinutes(2);
    public static final Duration DEFAULT_CALM_AFTER = Duration.ofMinutes(5);

    private final DoubleFunction<L> classify;
    private final L[] levels;
    private final Duration escalateAfter;
    private final Duration calmAfter;
    private final Instant[] atLeastSince;
    private final Instant[] atMostSince;
    private L level;
    private Instant lastAt;

    public SustainedSeverity(Class<L> type, DoubleFunction<L> classify, Duration escalateAfter, Duration calmAfter) {
        this.classify = Objects.requireNonNull(classify);
        this.levels = type.getEnumConstants();
        if (escalateAfter.isNegative() || calmAfter.isNegative()) {
            throw new IllegalArgumentException("sustain durations must not be negative");
        }
        this.escalateAfter = escalateAfter;
        this.calmAfter = calmAfter;
        this.atLeastSince = new Instant[levels.length];
        this.atMostSince = new Instant[levels.length];
        this.level = levels[0];
    }

    public static SustainedSeverity<ScaleSeverity> scale(Duration escalateAfter, Duration calmAfter) {
        return new SustainedSeverity<>(ScaleSeverity.class, ScaleSeverity::ofTrafficMultiple, escalateAfter, calmAfter);
    }

    public static SustainedSeverity<IncidentSeverity> incident(Duration escalateAfter, Duration calmAfter) {
        return new SustainedSeverity<>(IncidentSeverity.class, IncidentSeverity::ofErrorRate, escalateAfter, calmAfter);
    }

    public L level() {
        return level;
    }

    /** Feeds one value; returns the change if the sustained level moved. */
    public Optional<SeverityChange<L>> observe(Instant at, double value) {
        if (!Double.isFinite(value) || (lastAt != null && at.isBefore(lastAt))) {
            return Optional.empty();
        }
        lastAt = at;
        int raw = classify.apply(value).ordinal();
        for (int i = 0; i < levels.length; i++) {
            atLeastSince[i] = raw >= i ? (atLeastSince[i] == null ? at : atLeastSince[i]) : null;
            atMostSince[i] = raw <= i ? (atMostSince[i] == null ? at : atMostSince[i]) : null;
        }
        int current = level.ordinal();
        int next = current;
        for (int i = levels.length - 1; i > current; i--) {
            if (heldFor(atLeastSince[i], at, escalateAfter)) {
                next = i;
                break;
            }
        }
        if (next == current) {
            for (int i = 0; i < current; i++) {
                if (heldFor(atMostSince[i], at, calmAfter)) {
                    next = i;
                    break;
                }
            }
        }
        if (next == current) {
            return Optional.empty();
        }
        L from = level;
        level = levels[next];
        return Optional.of(new SeverityChange<>(from, level, at, value));
    }

    private static boolean heldFor(Instant since, Instant at, Duration needed) {
        return since != null && Duration.between(since, at).compareTo(needed) >= 0;
    }
}
