package dev.warroom.domain.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** M4: every pixel column keeps exactly its first, last, lowest and highest point, in time order. */
class M4DecimationTest {

    @Test
    void everyColumnKeepsItsFirstLastMinAndMax() {
        SplittableRandom random = new SplittableRandom(42);
        int n = 50_000;
        long[] t = new long[n];
        double[] v = new double[n];
        long now = 1_000_000;
        for (int i = 0; i < n; i++) {
            now += 1 + random.nextInt(900); // uneven spacing, always below the gap threshold
            t[i] = now;
            v[i] = Math.round(random.nextGaussian() * 1000) / 10.0; // repeated values happen
        }
        long from = t[0];
        long to = t[n - 1] + 1;
        int pixels = 613;
        DecimatedSeries d = Decimator.m4(t, v, n, from, to, pixels, 10_000);

        long span = to - from;
        int i = 0;
        int out = 0;
        while (i < n) {
            int column = (int) ((t[i] - from) * pixels / span);
            List<Integer> inColumn = new ArrayList<>();
            while (i < n && (int) ((t[i] - from) * pixels / span) == column) {
                inColumn.add(i++);
            }
            int first = inColumn.get(0);
            int last = inColumn.get(inColumn.size() - 1);
            int min = first;
            int max = first;
            for (int k : inColumn) {
                if (v[k] < v[min]) {
                    min = k;
                }
                if (v[k] > v[max]) {
                    max = k;
                }
            }
            int[] expected = java.util.stream.IntStream.of(first, Math.min(min, max), Math.max(min, max), last)
                    .distinct().toArray();
            for (int k : expected) {
                assertTrue(out < d.size(), "column " + column + " is missing points");
                assertEquals(t[k], d.atMillis()[out], "column " + column + " point time");
                assertEquals(v[k], d.values()[out], "column " + column + " point value");
                out++;
            }
        }
        assertEquals(out, d.size(), "nothing but each column's first, last, min and max");
        assertTrue(d.size() <= 4 * pixels);
    }

    @Test
    void aColumnWithOnePointKeepsOnePoint() {
        long[] t = {0, 10, 20};
        double[] v = {3, 4, 5};
        DecimatedSeries d = Decimator.m4(t, v, 3, 0, 30, 3, 100);
        assertEquals(3, d.size());
        assertEquals(5, d.values()[2]);
    }
}
