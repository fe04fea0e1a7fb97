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
 * SURGE first, then VIRAL once VIRAL itself is sustained).
 *
 * <p>Calming down: once every value for {@code calmAfter} has been below the current level,
 * the level drops straight to the level of the latest value, the level the numbers are
 * really in. It never stops one level above on the way (VIRAL with traffic at 4x goes to
 * GROWTH, not SURGE; SEV-2 with errors at 3 % goes to none, not SEV-3), so the banner never
 * shows a level the current value contradicts once the calm time has passed.
 * Escalation is quicker than calming down on purpose: an incident commander would rather
 * hear early and stand down late.
 *
 * <p>While a change is building up (the value sits in another level but not yet for long
 * enough) {@link #pending()} says which level it will move to and when, so the banner can
 * say so instead of contradicting the numbers in silence.
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

    /**
     * A change that will happen at {@code dueAt} if the value stays in the level it is in now.
     *
     * @param to    the level it will move to
     * @param since when the value started building up to it
     * @param dueAt when the sustained level changes if nothing else does
     */
    public record Pending<L extends Enum<L>>(L to, Instant since, Instant dueAt) {

        /** Time left until the change, never negative. */
        public Duration remaining(Instant now) {
            Duration left = Duration.between(now, dueAt);
            return left.isNegative() ? Duration.ZERO : left;
        }
    }

    private final DoubleFunction<L> classify;
    private final L[] levels;
    private final Duration escalateAfter;
    private final Duration calmAfter;
    private final Instant[] atLeastSince;
    private final Instant[] atMostSince;
    private L level;
    private Instant lastAt;
    private double lastValue = Double.NaN;
    private Pending<L> pending;

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

    /**
     * Starts from a level recorded earlier (e.g. the last severity change in the timeline after a
     * restart) instead of the lowest one. Only before the first value: what the values say wins after.
     */
    public void restore(L recorded) {
        if (lastAt == null && recorded != null) {
            level = recorded;
        }
    }

    /** The last value observed, NaN before the first. */
    public double lastValue() {
        return lastValue;
    }

    /** When the last value was observed, null before the first. */
    public Instant lastAt() {
        return lastAt;
    }

    /** The level the last value falls in on its own, before any sustain time; empty before the first value. */
    public Optional<L> valueLevel() {
        return lastAt == null ? Optional.empty() : Optional.of(classify.apply(lastValue));
    }

    /** The change building up as of the last value, if the value sits outside the current level. */
    public Optional<Pending<L>> pending() {
        return Optional.ofNullable(pending);
    }

    /** Feeds one value; returns the change if the sustained level moved. */
    public Optional<SeverityChange<L>> observe(Instant at, double value) {
        if (!Double.isFinite(value) || (lastAt != null && at.isBefore(lastAt))) {
            return Optional.empty();
        }
        lastAt = at;
        lastValue = value;
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
        if (next == current && current > 0 && heldFor(atMostSince[current - 1], at, calmAfter)) {
            next = raw;
        }
        Optional<SeverityChange<L>> change = Optional.empty();
        if (next != current) {
            L from = level;
            level = levels[next];
            change = Optional.of(new SeverityChange<>(from, level, at, value));
        }
        pending = pendingAfter(raw);
        return change;
    }

    private Pending<L> pendingAfter(int raw) {
        int current = level.ordinal();
        if (raw > current) {
            Instant since = atLeastSince[current + 1];
            Instant due = since.plus(escalateAfter);
            int to = current + 1;
            for (int i = raw; i > current + 1; i--) {
                if (!atLeastSince[i].plus(escalateAfter).isAfter(due)) {
                    to = i;
                    break;
                }
            }
            return new Pending<>(levels[to], since, due);
        }
        if (raw < current) {
            Instant since = atMostSince[current - 1];
            return new Pending<>(levels[raw], since, since.plus(calmAfter));
        }
        return null;
    }

    private static boolean heldFor(Instant since, Instant at, Duration needed) {
        return since != null && Duration.between(since, at).compareTo(needed) >= 0;
    }
}
