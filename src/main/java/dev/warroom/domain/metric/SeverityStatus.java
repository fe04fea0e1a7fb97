package dev.warroom.domain.metric;

import java.time.Instant;
import java.util.Objects;

/**
 * Everything the banner needs to tell the truth about one severity: the sustained level, whether the
 * figure behind it is current, the value now and the change building up.
 *
 * @param level       the sustained level (the one recorded in the timeline)
 * @param signal      NO_DATA before the first value, STALE when values stopped arriving
 * @param lastValueAt when the latest value was measured (null with NO_DATA): "stale since"
 * @param value       the latest value, NaN with NO_DATA
 * @param valueLevel  the level the latest value falls in on its own (null with NO_DATA)
 * @param pending     the change building up, null when the value sits in the sustained level
 */
public record SeverityStatus<L extends Enum<L>>(L level, SignalState signal, Instant lastValueAt, double value,
                                                L valueLevel, SustainedSeverity.Pending<L> pending) {

    public SeverityStatus {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(signal, "signal");
    }

    /** The state of {@code severity} given whether its figure is still arriving. */
    public static <L extends Enum<L>> SeverityStatus<L> of(SustainedSeverity<L> severity, SignalState signal) {
        if (severity.lastAt() == null) {
            return new SeverityStatus<>(severity.level(), SignalState.NO_DATA, null, Double.NaN, null, null);
        }
        SignalState s = signal == SignalState.NO_DATA ? SignalState.FRESH : signal;
        return new SeverityStatus<>(severity.level(), s, severity.lastAt(), severity.lastValue(),
                severity.valueLevel().orElse(null), severity.pending().orElse(null));
    }

    /** The sustained level alone, e.g. a level restored from the record before any value arrived. */
    public static <L extends Enum<L>> SeverityStatus<L> noData(L level) {
        return new SeverityStatus<>(level, SignalState.NO_DATA, null, Double.NaN, null, null);
    }
}
