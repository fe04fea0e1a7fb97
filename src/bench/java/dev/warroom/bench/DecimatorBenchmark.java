package dev.warroom.bench;

import dev.warroom.domain.metric.DecimatedSeries;
import dev.warroom.domain.metric.Decimator;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** A 72 h series at 1 s (259,200 points) decimated to a 1,000 px chart. Target: at most 2 ms. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DecimatorBenchmark {

    private static final int POINTS = 72 * 3600;
    private long[] at;
    private double[] values;

    @Setup
    public void series() {
        at = new long[POINTS];
        values = new double[POINTS];
        SplittableRandom random = new SplittableRandom(72);
        long start = 1_763_892_000_000L;
        double level = 100;
        for (int i = 0; i < POINTS; i++) {
            at[i] = start + i * 1000L;
            level = Math.max(0, level + random.nextDouble(-1, 1));
            values[i] = i % 10_000 == 0 ? Double.NaN : level;
        }
    }

    @Benchmark
    public DecimatedSeries decimate72HoursTo1000Pixels() {
        return Decimator.m4(at, values, POINTS, at[0], at[POINTS - 1] + 1, 1000, 5_000);
    }
}
