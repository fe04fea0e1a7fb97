package dev.warroom.config;

import dev.warroom.domain.metric.SustainedSeverity;
import java.time.Duration;

/**
 * How long a new scale or incident severity must hold before the banner changes.
 * Missing values take {@link SustainedSeverity}'s defaults (2 min up, 5 min down).
 */
public record SeverityTiming(Duration scaleEscalateAfter, Duration scaleCalmAfter,
                             Duration incidentEscalateAfter, Duration incidentCalmAfter) {

    public static final SeverityTiming DEFAULT = new SeverityTiming(null, null, null, null).withDefaults();

    public SeverityTiming withDefaults() {
        return new SeverityTiming(or(scaleEscalateAfter, SustainedSeverity.DEFAULT_ESCALATE_AFTER),
                or(scaleCalmAfter, SustainedSeverity.DEFAULT_CALM_AFTER),
                or(incidentEscalateAfter, SustainedSeverity.DEFAULT_ESCALATE_AFTER),
                or(incidentCalmAfter, SustainedSeverity.DEFAULT_CALM_AFTER));
    }

    private static Duration or(Duration d, Duration fallback) {
        return d == null ? fallback : d;
    }
}
