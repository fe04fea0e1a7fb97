package dev.warroom.store;

/** A metric's points over a range as parallel arrays, time ordered, ready for the decimator. */
public record SampleSeries(long[] atMillis, double[] values, int size) {
}
