package dev.warroom.metrics;

/** A copy of recent points of one series, time ordered, for sparklines and charts. */
public record RecentSeries(long[] atMillis, double[] values, int size) {

    public static final RecentSeries EMPTY = new RecentSeries(new long[0], new double[0], 0);
}
