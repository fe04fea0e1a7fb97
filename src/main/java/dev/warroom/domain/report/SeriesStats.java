package dev.warroom.domain.report;

/**
 * Minimum, maximum and mean of the finite values of a time series in [from, to). NaN marks no value.
 *
 * @param count finite values counted
 * @param firstAt when the first counted value was measured (epoch ms), or -1
 * @param lastAt  when the last counted value was measured (epoch ms), or -1
 */
public record SeriesStats(int count, double min, long minAt, double max, long maxAt, double mean, long firstAt,
                          long lastAt) {

    public static final SeriesStats EMPTY = new SeriesStats(0, Double.NaN, -1, Double.NaN, -1, Double.NaN, -1, -1);

    /** Stats over the first {@code n} entries of ascending {@code at} / {@code values} falling in [from, to). */
    public static SeriesStats of(long[] at, double[] values, int n, long from, long to) {
        int count = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long minAt = -1;
        long maxAt = -1;
        long firstAt = -1;
        long lastAt = -1;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            long t = at[i];
            if (t < from) {
                continue;
            }
            if (t >= to) {
                break;
            }
            double v = values[i];
            if (v - v != 0) {
                continue;
            }
            if (count == 0) {
                firstAt = t;
            }
            count++;
            lastAt = t;
            sum += v;
            if (v < min) {
                min = v;
                minAt = t;
            }
            if (v > max) {
                max = v;
                maxAt = t;
            }
        }
        return count == 0 ? EMPTY : new SeriesStats(count, min, minAt, max, maxAt, sum / count, firstAt, lastAt);
    }

    public boolean empty() {
        return count == 0;
    }

    /** How long the counted values span, first to last (zero for one value or none). */
    public java.time.Duration span() {
        return count == 0 ? java.time.Duration.ZERO : java.time.Duration.ofMillis(lastAt - firstAt);
    }
}
