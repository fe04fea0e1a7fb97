package dev.warroom.domain.metric;

/**
 * OK / WARN / CRITICAL bands of a KPI.
 *
 * <p>For a metric where lower is better (errors, latency): {@code OK} when value &lt; okLimit,
 * {@code CRITICAL} when value &ge; criticalLimit, {@code WARN} in between.
 * For a metric where higher is better (uptime, cache hits): {@code OK} when value &ge; okLimit,
 * {@code CRITICAL} when value &lt; criticalLimit, {@code WARN} in between.
 */
public record KpiBands(boolean higherIsBetter, double okLimit, double criticalLimit) {

    /** A metric that is shown without threshold colour. */
    public static final KpiBands NONE = new KpiBands(false, Double.NaN, Double.NaN);

    public KpiBands {
        boolean none = Double.isNaN(okLimit) && Double.isNaN(criticalLimit);
        if (!none) {
            if (!Double.isFinite(okLimit) || !Double.isFinite(criticalLimit)) {
                throw new IllegalArgumentException("KPI limits must both be finite numbers");
            }
            if (higherIsBetter ? criticalLimit > okLimit : criticalLimit < okLimit) {
                throw new IllegalArgumentException("critical limit " + criticalLimit
                        + " is on the good side of the ok limit " + okLimit);
            }
        }
    }

    public static KpiBands lowerIsBetter(double okBelow, double criticalFrom) {
        return new KpiBands(false, okBelow, criticalFrom);
    }

    public static KpiBands higherIsBetter(double okFrom, double criticalBelow) {
        return new KpiBands(true, okFrom, criticalBelow);
    }

    public boolean defined() {
        return !Double.isNaN(okLimit);
    }

    public Band classify(double value) {
        if (!defined() || Double.isNaN(value)) {
            return Band.NONE;
        }
        if (higherIsBetter) {
            if (value >= okLimit) {
                return Band.OK;
            }
            return value < criticalLimit ? Band.CRITICAL : Band.WARN;
        }
        if (value < okLimit) {
            return Band.OK;
        }
        return value >= criticalLimit ? Band.CRITICAL : Band.WARN;
    }
}
