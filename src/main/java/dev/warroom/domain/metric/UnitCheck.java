package dev.warroom.domain.metric;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Notices a metric that sits a unit factor away from where it can sensibly be: uptime, cache hits,
 * conversion or retention at 1 or below (a fraction sent where a percentage belongs: 0.999 instead of
 * 99.9) and a p95 response time under 5 ms (seconds sent where milliseconds belong: 0.195 instead of
 * 195). Such values are inside the sane range, so they are shown, but a tile that says "0.999 %" must
 * say what is probably wrong. One odd sample is not enough: the value has to stay there for
 * {@link #SUSTAINED}. One instance per series; not thread-safe.
 */
public final class UnitCheck {
    /** How long a value must stay a unit factor off before the warning shows. */
    public static final Duration SUSTAINED = Duration.ofSeconds(30);

    private final Metric metric;
    private Instant since;
    private String warning;

    public UnitCheck(Metric metric) {
        this.metric = metric;
    }

    /** What is suspicious about {@code value} on its own, if anything ("uptime 0.999 — a fraction? …"). */
    public static Optional<String> suspicion(Metric metric, double value) {
        if (!Double.isFinite(value)) {
            return Optional.empty();
        }
        return switch (metric) {
            case UPTIME, CACHE_HIT, CONVERSION, RETENTION_24H -> value > 0 && value <= 1
                    ? Optional.of(metric.label().toLowerCase(Locale.ROOT) + " " + plain(value)
                    + " — a fraction? multiply by 100 (the unit is %)")
                    : Optional.empty();
            case P95_LATENCY -> value > 0 && value < 5
                    ? Optional.of("p95 " + plain(value) + " ms — seconds? multiply by 1000 (the unit is ms)")
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** Takes the next accepted sample; returns the warning while the value has stayed off long enough. */
    public Optional<String> observe(Instant at, double value) {
        Optional<String> now = suspicion(metric, value);
        if (now.isEmpty()) {
            since = null;
            warning = null;
        } else {
            if (since == null) {
                since = at;
            }
            warning = Duration.between(since, at).compareTo(SUSTAINED) >= 0 ? now.get() : null;
        }
        return Optional.ofNullable(warning);
    }

    /** The warning in force, or null. */
    public String warning() {
        return warning;
    }

    private static String plain(double v) {
        String s = String.format(Locale.ROOT, "%.5f", v);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
