package dev.warroom.domain.metric;

/**
 * The values a metric can physically take. Anything outside (and NaN or infinities) is
 * garbage from the source and is rejected rather than shown.
 */
public record SaneRange(double min, double max) {

    public SaneRange {
        if (!(min <= max)) {
            throw new IllegalArgumentException("range min " + min + " is above max " + max);
        }
    }

    public boolean contains(double value) {
        return Double.isFinite(value) && value >= min && value <= max;
    }

    @Override
    public String toString() {
        return fmt(min) + "–" + fmt(max);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
