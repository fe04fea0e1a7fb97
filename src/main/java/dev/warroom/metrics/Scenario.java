package dev.warroom.metrics;

import java.time.Duration;
import java.util.List;

/**
 * A simulated crisis: the normal level of the business, and keyframes of system state over
 * scenario time. Between keyframes values move in a straight line; after the last they hold.
 * Traffic is a multiple of the baseline; request rate, active users, signups and revenue
 * follow it (signups and revenue also follow conversion, revenue is lost to errors).
 *
 * @param noise relative jitter applied to every value, e.g. 0.03 for ±3 %
 */
public record Scenario(String name, String description, Baseline baseline, double noise, List<Keyframe> keyframes) {

    public record Baseline(double requestsPerSecond, double activeUsers, double signupsPerHour,
                           double revenuePerHour) {
    }

    /** State of the system at a point in scenario time. Rates in percent, latency in ms. */
    public record Keyframe(Duration at, double traffic, double errorRate, double p95Ms, double uptime, double cpu,
                           double memory, double cacheHit, double dbConnectionsFree, double conversion,
                           double retention24h) {

        double[] values() {
            return new double[] {traffic, errorRate, p95Ms, uptime, cpu, memory, cacheHit, dbConnectionsFree,
                    conversion, retention24h};
        }
    }

    public Scenario {
        keyframes = List.copyOf(keyframes);
    }

    /** Keyframe values at scenario time {@code t}, linearly interpolated; index order as in {@link Keyframe#values()}. */
    double[] at(Duration t) {
        Keyframe first = keyframes.get(0);
        if (t.compareTo(first.at()) <= 0) {
            return first.values();
        }
        for (int i = 1; i < keyframes.size(); i++) {
            Keyframe next = keyframes.get(i);
            if (t.compareTo(next.at()) < 0) {
                Keyframe previous = keyframes.get(i - 1);
                double span = next.at().minus(previous.at()).toMillis();
                double f = span <= 0 ? 1 : t.minus(previous.at()).toMillis() / span;
                double[] a = previous.values();
                double[] b = next.values();
                double[] out = new double[a.length];
                for (int k = 0; k < a.length; k++) {
                    out[k] = a[k] + (b[k] - a[k]) * f;
                }
                return out;
            }
        }
        return keyframes.get(keyframes.size() - 1).values();
    }

    Duration length() {
        return keyframes.get(keyframes.size() - 1).at();
    }
}
