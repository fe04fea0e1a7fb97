package dev.warroom.domain;

import dev.warroom.domain.metric.ScaleSeverity;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A crisis with what the header and the record need about it: its declared scale severity and who
 * holds which role (role key → person).
 */
public record CrisisOverview(Crisis crisis, ScaleSeverity severity, Map<String, String> holders) {

    public CrisisOverview {
        holders = Map.copyOf(holders);
    }

    public Optional<String> holder(CrisisRole role) {
        return Optional.ofNullable(holders.get(role.key()));
    }

    public Optional<String> commander() {
        return holder(CrisisRole.COMMANDER);
    }

    public CrisisPhase phase(Instant now) {
        if (!crisis.active()) {
            return CrisisPhase.RECOVERY;
        }
        return CrisisPhase.at(Duration.between(crisis.startedAt(), now));
    }

    /** How long it took to declare the crisis stable; empty while it is active. */
    public Optional<Duration> recoveryTime() {
        return crisis.active() ? Optional.empty() : Optional.of(Duration.between(crisis.startedAt(), crisis.endedAt()));
    }

    /** "Stable after 31h 20m: within the 72 h target" or "… missed the 72 h target by 4h". */
    public static String recoveryVerdict(Duration took) {
        String base = "Stable after " + Eta.describe(took);
        if (took.compareTo(CrisisPhase.RECOVERY_TARGET) < 0) {
            return base + ": within the 72 h target";
        }
        return base + ": missed the 72 h target by " + Eta.describe(took.minus(CrisisPhase.RECOVERY_TARGET));
    }
}
