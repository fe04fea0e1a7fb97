package dev.warroom.domain.metric;

/**
 * Points ready to draw: {@code size} entries of parallel arrays, time ordered. A NaN value
 * marks a gap: the chart should lift the pen there.
 */
public record DecimatedSeries(long[] atMillis, double[] values, int size) {
}
