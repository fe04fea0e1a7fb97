package dev.warroom.domain.plan;

import dev.warroom.domain.InvalidInputException;
import dev.warroom.domain.metric.Band;
import dev.warroom.domain.metric.Metric;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The growth-versus-stability matrix with its two thresholds made explicit:
 * <ul>
 *   <li>the system is <b>stable</b> when stability is at least {@link #STABLE_AT} (7 of 10); 6 is unstable;</li>
 *   <li>growth is <b>high</b> when new users per hour are at least {@code highGrowthPerHour}
 *       (default {@link #DEFAULT_HIGH_GROWTH}, configurable per database); just below is low.</li>
 * </ul>
 */
public record DecisionMatrix(double highGrowthPerHour) {
    public static final int STABLE_AT = 7;
    public static final double DEFAULT_HIGH_GROWTH = 500;

    public DecisionMatrix {
        if (Double.isNaN(highGrowthPerHour) || highGrowthPerHour <= 0) {
            throw new InvalidInputException("threshold", "The high-growth threshold must be more than 0 users "
                    + "per hour.");
        }
    }

    public static DecisionMatrix defaults() {
        return new DecisionMatrix(DEFAULT_HIGH_GROWTH);
    }

    /** The result with its reasoning. */
    public record Assessment(Quadrant quadrant, boolean stable, boolean highGrowth, String reasoning) {
    }

    public static boolean stable(int stability) {
        return stability >= STABLE_AT;
    }

    public boolean highGrowth(double growthPerHour) {
        return growthPerHour >= highGrowthPerHour;
    }

    public Assessment assess(DecisionInputs in) {
        boolean stable = stable(in.stability());
        boolean high = highGrowth(in.growthPerHour());
        Quadrant q = high ? (stable ? Quadrant.SHIP_GROWTH : Quadrant.STABILITY_FIRST)
                : (stable ? Quadrant.NORMAL_DEVELOPMENT : Quadrant.FIX_DEBT);
        String why = "Stability " + in.stability() + "/10 is " + (stable ? "stable (7 or more)" : "unstable (below 7)")
                + "; growth of " + count(in.growthPerHour()) + " users/h is " + (high ? "high" : "low")
                + " (threshold " + count(highGrowthPerHour) + "/h). " + q.reasoning();
        if (in.revenuePerHour() > 0) {
            why += " Each hour of downtime puts $" + count(in.revenuePerHour()) + " at stake.";
        }
        if (high && in.windowDays() <= 7) {
            why += " The competitive window is only " + in.windowDays() + (in.windowDays() == 1 ? " day" : " days")
                    + ": decide quickly.";
        }
        return new Assessment(q, stable, high, why);
    }

    /**
     * A starting stability score from live health: 10, minus 2 for each of uptime, error rate, p95
     * latency and CPU in its warning band, minus 4 in its critical band; never below 1. Empty when none of
     * them has a live value.
     */
    public static OptionalDouble suggestStability(Map<Metric, Double> live) {
        int score = 10;
        boolean any = false;
        for (Metric m : new Metric[] {Metric.UPTIME, Metric.ERROR_RATE, Metric.P95_LATENCY, Metric.CPU}) {
            Double v = live.get(m);
            if (v == null) {
                continue;
            }
            any = true;
            Band b = m.band(v);
            if (b == Band.CRITICAL) {
                score -= 4;
            } else if (b == Band.WARN) {
                score -= 2;
            }
        }
        return any ? OptionalDouble.of(Math.max(DecisionInputs.MIN_STABILITY, score)) : OptionalDouble.empty();
    }

    static String count(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format("%,d", (long) v) : String.format("%,.1f", v);
    }
}
