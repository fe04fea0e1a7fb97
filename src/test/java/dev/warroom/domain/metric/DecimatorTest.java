package dev.warroom.domain.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecimatorTest {

    @Test
    void keepsExtremesAndStaysWithinFourTimesPixels() {
        int n = 259_200;
        long[] t = new long[n];
        double[] v = new double[n];
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < n; i++) {
            t[i] = 1_000_000L + i * 1000L;
            v[i] = 100 + random.nextDouble() * 10;
        }
        v[123_456] = 9_999; // a one-second spike
        v[200_001] = -50;   // a one-second dip
        DecimatedSeries d = Decimator.m4(t, v, n, t[0], t[n - 1] + 1, 1000, 5_000);

        assertTrue(d.size() <= 4000, "size " + d.size());
        assertTrue(d.size() >= 1000, "every column holds data, size " + d.size());
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < d.size(); i++) {
            max = Math.max(max, d.values()[i]);
            min = Math.min(min, d.values()[i]);
            if (i > 0) {
                assertTrue(d.atMillis()[i] > d.atMillis()[i - 1], "time ordered at " + i);
            }
        }
        assertEquals(9_999, max);
        assertEquals(-50, min);
    }

    @Test
    void eachColumnKeepsItsOwnFirstMinMaxLastInTimeOrder() {
        long[] t = {0, 1, 2, 3, 10, 11, 12};
        double[] v = {5, 9, 1, 4, 7, 7, 7};
        DecimatedSeries d = Decimator.m4(t, v, t.length, 0, 20, 2, 100);
        // column 0 = [0,10): first 5, max 9 at t=1, min 1 at t=2, last 4; column 1: constant 7 -> first and last
        assertEquals(6, d.size());
        assertEquals(java.util.List.of(0L, 1L, 2L, 3L, 10L, 12L),
                java.util.Arrays.stream(d.atMillis(), 0, d.size()).boxed().toList());
        assertEquals(java.util.List.of(5.0, 9.0, 1.0, 4.0, 7.0, 7.0),
                java.util.Arrays.stream(d.values(), 0, d.size()).boxed().toList());
    }

    @Test
    void fewPointsPassThroughAndOutOfRangePointsAreIgnored() {
        long[] t = {5, 100, 200, 300, 900};
        double[] v = {1, 2, 3, 4, 5};
        DecimatedSeries d = Decimator.m4(t, v, 5, 100, 400, 1000, 1000);
        assertEquals(3, d.size());
        assertEquals(100, d.atMillis()[0]);
        assertEquals(300, d.atMillis()[2]);
    }

    @Test
    void nanAndLongSilencesBecomeGapMarkers() {
        long[] t = {0, 10, 20, 30, 40, 50, 60, 500, 510};
        double[] v = {1, 1, Double.NaN, Double.NaN, Double.NaN, 2, 2, 3, 3};
        DecimatedSeries d = Decimator.m4(t, v, t.length, 0, 600, 60, 50);
        int markers = 0;
        for (int i = 0; i < d.size(); i++) {
            if (Double.isNaN(d.values()[i])) {
                markers++;
            }
        }
        assertEquals(2, markers, "one for the NaN run, one for the silence from 60 to 500");
        assertTrue(Double.isNaN(d.values()[2]));
        assertEquals(20, d.atMillis()[2]);
    }

    @Test
    void regularSamplesFinerThanColumnsAreNotGaps() {
        long[] t = new long[100];
        double[] v = new double[100];
        for (int i = 0; i < 100; i++) {
            t[i] = i * 1000L;
            v[i] = i;
        }
        // 3 columns per sample: most columns are empty, but 1 s spacing is not a gap.
        DecimatedSeries d = Decimator.m4(t, v, 100, 0, 100_000, 300, 3_000);
        assertEquals(100, d.size());
        for (int i = 0; i < d.size(); i++) {
            assertTrue(Double.isFinite(d.values()[i]));
        }
    }
}
