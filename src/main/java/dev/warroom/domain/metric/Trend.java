package dev.warroom.domain.metric;

/**
 * Where a metric has been heading over a window, and whether that is good news.
 *
 * @param direction   UP, DOWN or FLAT
 * @param meaning     GOOD, BAD or NEUTRAL given the metric's good direction
 * @param change      change across the window projected from the least-squares slope
 *                    (value units), NaN when there were fewer than two points
 */
public record Trend(Direction direction, Meaning meaning, double change) {

    public enum Direction { UP, DOWN, FLAT }

    public enum Meaning { GOOD, BAD, NEUTRAL }

    /** Relative change below which a series counts as flat (2 % of its mean level). */
    public static final double FLAT_TOLERANCE = 0.02;

    public static final Trend UNKNOWN = new Trend(Direction.FLAT, Meaning.NEUTRAL, Double.NaN);

    /**
     * Trend of the finite points in {@code [fromMillis, toMillis]} of a time-ordered series.
     * Uses the least-squares slope so a single spike does not flip the arrow.
     */
    public static Trend of(Metric metric, long[] atMillis, double[] values, int count,
                           long fromMillis, long toMillis) {
        int n = 0;
        double sumT = 0, sumV = 0, sumTT = 0, sumTV = 0;
        for (int i = 0; i < count; i++) {
            long t = atMillis[i];
            double v = values[i];
            if (t < fromMillis || t > toMillis || !Double.isFinite(v)) {
                continue;
            }
            double x = (t - fromMillis) / 1000.0;
            n++;
            sumT += x;
            sumV += v;
            sumTT += x * x;
            sumTV += x * v;
        }
        if (n < 2) {
            return UNKNOWN;
        }
        double denominator = n * sumTT - sumT * sumT;
        if (denominator == 0) {
            return UNKNOWN;
        }
        double slopePerSecond = (n * sumTV - sumT * sumV) / denominator;
        double change = slopePerSecond * ((toMillis - fromMillis) / 1000.0);
        double level = Math.abs(sumV / n);
        double tolerance = FLAT_TOLERANCE * Math.max(level, 1e-9);
        Direction direction = Math.abs(change) < tolerance ? Direction.FLAT
                : change > 0 ? Direction.UP : Direction.DOWN;
        return new Trend(direction, meaning(metric.goodDirection(), direction), change);
    }

    static Meaning meaning(GoodDirection good, Direction direction) {
        if (direction == Direction.FLAT || good == GoodDirection.NEITHER) {
            return Meaning.NEUTRAL;
        }
        boolean up = direction == Direction.UP;
        return (good == GoodDirection.UP) == up ? Meaning.GOOD : Meaning.BAD;
    }

    /**
     * The trend as a tile colours it: moving the wrong way while the value is still healthy (its KPI
     * band is OK) is not bad news yet, so it turns NEUTRAL. Red stays for values that are already
     * in warning or critical, or for figures without a KPI (falling signups).
     */
    public Trend judged(Band band) {
        return meaning == Meaning.BAD && band == Band.OK ? new Trend(direction, Meaning.NEUTRAL, change) : this;
    }
}
