package dev.warroom.domain.metric;

import java.util.Arrays;

/**
 * M4 decimation for line charts: for every pixel column of the time range keep the first, the
 * last, the lowest and the highest finite point, in time order. A line drawn through these
 * points touches the same pixels as the line through every point (the first and last points
 * carry the line into the neighbouring columns at the right height), a spike survives any zoom
 * level, and the output never exceeds {@code 4 * pixels} points (plus gap markers).
 *
 * <p>Gaps: when the data between two drawn columns contains a NaN, or the time between them
 * exceeds {@code gapMillis}, and at least one column in between drew nothing, a single NaN
 * point is placed in the first empty column so the line is broken there. Gaps narrower than
 * a column cannot be seen at that zoom and are not marked.
 */
public final class Decimator {

    private Decimator() {
    }

    /**
     * @param atMillis  ascending sample times (epoch millis)
     * @param values    values, NaN for a known hole
     * @param count     number of valid entries in the arrays
     * @param fromMillis start of the visible range, inclusive
     * @param toMillis  end of the visible range, exclusive
     * @param pixels    chart width in pixel columns, at least 1
     * @param gapMillis a silence longer than this between points is drawn as a gap
     */
    public static DecimatedSeries m4(long[] atMillis, double[] values, int count,
                                         long fromMillis, long toMillis, int pixels, long gapMillis) {
        if (pixels < 1) {
            throw new IllegalArgumentException("pixels must be at least 1, was " + pixels);
        }
        if (toMillis <= fromMillis) {
            throw new IllegalArgumentException("empty time range " + fromMillis + ".." + toMillis);
        }
        if (count > atMillis.length || count > values.length) {
            throw new IllegalArgumentException("count " + count + " exceeds the arrays");
        }
        long[] outT = new long[5 * pixels];
        double[] outV = new double[5 * pixels];
        int out = 0;
        long span = toMillis - fromMillis;
        int i = firstAtOrAfter(atMillis, count, fromMillis);

        int lastDrawnColumn = -1;
        long lastDrawnT = Long.MIN_VALUE;
        boolean nanSinceLastDrawn = false;
        int firstEmptyAfterDrawn = -1;

        while (i < count && atMillis[i] < toMillis) {
            int column = (int) ((atMillis[i] - fromMillis) * pixels / span);
            long columnEnd = fromMillis + ceilDiv((long) (column + 1) * span, pixels);
            long limit = Math.min(columnEnd, toMillis);
            int firstIdx = -1;
            int lastIdx = -1;
            int minIdx = -1;
            int maxIdx = -1;
            double minV = Double.POSITIVE_INFINITY;
            double maxV = Double.NEGATIVE_INFINITY;
            boolean trailingNan = false;
            for (; i < count && atMillis[i] < limit; i++) {
                double v = values[i];
                if (v - v != 0) { // NaN or infinite
                    nanSinceLastDrawn = true;
                    trailingNan = true;
                    continue;
                }
                trailingNan = false;
                if (firstIdx < 0) {
                    firstIdx = i;
                }
                lastIdx = i;
                if (v < minV) {
                    minV = v;
                    minIdx = i;
                }
                if (v > maxV) {
                    maxV = v;
                    maxIdx = i;
                }
            }
            if (minIdx < 0) {
                if (lastDrawnColumn >= 0 && firstEmptyAfterDrawn < 0) {
                    firstEmptyAfterDrawn = column;
                }
                continue;
            }
            int emptyColumn = firstEmptyAfterDrawn >= 0 ? firstEmptyAfterDrawn
                    : column - lastDrawnColumn > 1 && lastDrawnColumn >= 0 ? lastDrawnColumn + 1 : -1;
            long firstT = atMillis[firstIdx];
            if (emptyColumn >= 0 && (nanSinceLastDrawn || firstT - lastDrawnT > gapMillis)) {
                outT[out] = fromMillis + ceilDiv((long) emptyColumn * span, pixels);
                outV[out++] = Double.NaN;
            }
            int low = Math.min(minIdx, maxIdx);
            int high = Math.max(minIdx, maxIdx);
            int[] kept = {firstIdx, low, high, lastIdx}; // ascending: first <= low <= high <= last
            for (int k = 0; k < kept.length; k++) {
                if (k == 0 || kept[k] != kept[k - 1]) {
                    outT[out] = atMillis[kept[k]];
                    outV[out++] = values[kept[k]];
                }
            }
            lastDrawnColumn = column;
            lastDrawnT = atMillis[lastIdx];
            nanSinceLastDrawn = trailingNan;
            firstEmptyAfterDrawn = -1;
        }
        return new DecimatedSeries(outT, outV, out);
    }

    private static int firstAtOrAfter(long[] atMillis, int count, long t) {
        int index = Arrays.binarySearch(atMillis, 0, count, t);
        if (index < 0) {
            return -index - 1;
        }
        while (index > 0 && atMillis[index - 1] == t) {
            index--;
        }
        return index;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
