package dev.warroom.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.MetricSample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SimulatorSourceTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private static Map<Metric, Double> values(PollResult result) {
        return result.samples().stream().collect(Collectors.toMap(MetricSample::metric, MetricSample::value));
    }

    private static List<PollResult> run(long seed, double speed, int polls) throws Exception {
        TestClock clock = new TestClock(T0);
        SimulatorSource source = new SimulatorSource("sim", Scenarios.load("viral-surge", null), seed, speed,
                Duration.ZERO, clock);
        List<PollResult> results = new java.util.ArrayList<>();
        for (int i = 0; i < polls; i++) {
            results.add(source.poll());
            clock.advance(Duration.ofSeconds(1));
        }
        return results;
    }

    @Test
    void sameSeedSameNumbersOtherSeedOtherNumbers() throws Exception {
        List<PollResult> a = run(42, 60, 50);
        List<PollResult> b = run(42, 60, 50);
        List<PollResult> c = run(7, 60, 50);
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertEquals(T0, a.get(0).samples().get(0).at());
    }

    @Test
    void followsTheScenarioFromBaselineToViralAndBack() throws Exception {
        TestClock clock = new TestClock(T0);
        SimulatorSource source = new SimulatorSource("sim", Scenarios.load("viral-surge", null), 1, 60,
                Duration.ZERO, clock);
        Map<Metric, Double> baseline = values(source.poll());
        assertEquals(100, baseline.get(Metric.REQUESTS_PER_SECOND), 5);
        assertTrue(baseline.get(Metric.ERROR_RATE) < 1);

        clock.advance(Duration.ofSeconds(70)); // 70 scenario minutes at 60x: viral
        Map<Metric, Double> viral = values(source.poll());
        assertTrue(viral.get(Metric.REQUESTS_PER_SECOND) > 5_000, viral.toString());
        assertTrue(viral.get(Metric.ERROR_RATE) > 5, viral.toString());
        assertTrue(viral.get(Metric.SIGNUPS_PER_HOUR) > 20 * baseline.get(Metric.SIGNUPS_PER_HOUR), viral.toString());
        assertTrue(viral.get(Metric.REVENUE_PER_HOUR) > 20 * baseline.get(Metric.REVENUE_PER_HOUR), viral.toString());

        clock.advance(Duration.ofMinutes(10)); // long after the last keyframe: recovered
        Map<Metric, Double> after = values(source.poll());
        assertTrue(after.get(Metric.ERROR_RATE) < 1, after.toString());
        assertTrue(after.get(Metric.P95_LATENCY) < 500, after.toString());
        for (PollResult r : List.of(source.poll())) {
            for (MetricSample s : r.samples()) {
                assertTrue(s.metric().range().contains(s.value()), s.toString());
            }
        }
    }

    @Test
    void startAtSkipsAhead() throws Exception {
        TestClock clock = new TestClock(T0);
        SimulatorSource source = new SimulatorSource("sim", Scenarios.load("viral-surge", null), 1, 1,
                Duration.ofMinutes(60), clock);
        assertEquals(Duration.ofMinutes(60), source.scenarioTime());
        assertTrue(values(source.poll()).get(Metric.REQUESTS_PER_SECOND) > 5_000);
    }
}
