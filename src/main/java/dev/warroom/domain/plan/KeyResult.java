package dev.warroom.domain.plan;

import dev.warroom.domain.metric.Metric;
import java.util.OptionalDouble;

/**
 * One key result of a crisis objective. Bound to a metric it has a target that the live value must
 * beat strictly ("uptime > 99 %"), and a margin: a value that misses the target by no more than the
 * margin is AT_RISK, further off is OFF_TRACK. Without a metric it is set by hand.
 *
 * @param metric the dashboard metric that measures it, or null for a key result set by hand
 * @param higherIsBetter true for "greater than target", false for "less than target"
 */
public record KeyResult(String id, String objective, String text, Metric metric, boolean higherIsBetter,
                        double target, double margin) {

    public static KeyResult manual(String id, String objective, String text) {
        return new KeyResult(id, objective, text, null, true, 0, 0);
    }

    public boolean live() {
        return metric != null;
    }

    /** The status the live value gives; NO_DATA without a value (stale or missing source). */
    public OkrStatus status(OptionalDouble value) {
        if (metric == null) {
            throw new IllegalStateException(id + " is set by hand");
        }
        if (value.isEmpty()) {
            return OkrStatus.NO_DATA;
        }
        double v = value.getAsDouble();
        double shortfall = higherIsBetter ? target - v : v - target;
        if (shortfall < 0) {
            return OkrStatus.ON_TRACK;
        }
        return shortfall <= margin ? OkrStatus.AT_RISK : OkrStatus.OFF_TRACK;
    }

    /** "> 99 %", the target as people read it. */
    public String targetText() {
        if (metric == null) {
            return "";
        }
        String n = target == Math.rint(target) ? String.valueOf((long) target) : String.valueOf(target);
        String unit = metric.unit();
        return (higherIsBetter ? "> " : "< ") + n + ("%".equals(unit) || "x".equals(unit) ? unit : " " + unit);
    }
}
