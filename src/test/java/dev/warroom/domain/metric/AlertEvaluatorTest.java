package dev.warroom.domain.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertEvaluatorTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final AlertRule ERRORS = new AlertRule("high-error-rate", "High error rate", Metric.ERROR_RATE,
            Comparison.ABOVE, 5, Duration.ofMinutes(5), AlertSeverity.CRITICAL, "Page the on-call engineer");

    private static MetricSample errors(Duration after, double value) {
        return new MetricSample(Metric.ERROR_RATE, T0.plus(after), value);
    }

    private static AlertState state(AlertEvaluator evaluator) {
        return evaluator.statuses().get(0).state();
    }

    @Test
    void becomesPendingThenFiresExactlyAtTheSustainedDuration() {
        AlertEvaluator evaluator = new AlertEvaluator(List.of(ERRORS));

        List<AlertTransition> first = evaluator.evaluate(errors(Duration.ZERO, 6));
        assertEquals(List.of(new AlertTransition(ERRORS, AlertState.INACTIVE, AlertState.PENDING, T0, 6)), first);

        assertEquals(List.of(), evaluator.evaluate(errors(Duration.ofMinutes(3), 7)));
        assertEquals(List.of(), evaluator.evaluate(errors(Duration.ofMinutes(5).minusMillis(1), 7)));
        assertEquals(AlertState.PENDING, state(evaluator));

        List<AlertTransition> firing = evaluator.evaluate(errors(Duration.ofMinutes(5), 8));
        assertEquals(List.of(new AlertTransition(ERRORS, AlertState.PENDING, AlertState.FIRING,
                T0.plus(Duration.ofMinutes(5)), 8)), firing);
        assertEquals(T0, evaluator.statuses().get(0).activeSince());
    }

    @Test
    void flappingResetsThePendingClock() {
        AlertEvaluator evaluator = new AlertEvaluator(List.of(ERRORS));
        evaluator.evaluate(errors(Duration.ZERO, 6));
        List<AlertTransition> cleared = evaluator.evaluate(errors(Duration.ofMinutes(4), 4.9));
        assertEquals(AlertState.INACTIVE, cleared.get(0).to());
        evaluator.evaluate(errors(Duration.ofMinutes(4).plusSeconds(30), 6));

        // 5 minutes after the first breach, but only 30 s into the new one: still pending.
        assertEquals(List.of(), evaluator.evaluate(errors(Duration.ofMinutes(5), 6)));
        assertEquals(AlertState.PENDING, state(evaluator));
        assertEquals(List.of(), evaluator.evaluate(errors(Duration.ofMinutes(9).plusSeconds(29), 6)));
        assertEquals(AlertState.FIRING, evaluator.evaluate(errors(Duration.ofMinutes(9).plusSeconds(30), 6))
                .get(0).to());
    }

    @Test
    void resolvesWhenTheConditionClearsThenGoesInactiveOrPendingAgain() {
        AlertEvaluator evaluator = new AlertEvaluator(List.of(ERRORS));
        evaluator.evaluate(errors(Duration.ZERO, 9));
        evaluator.evaluate(errors(Duration.ofMinutes(5), 9));
        assertEquals(AlertState.FIRING, state(evaluator));

        AlertTransition resolved = evaluator.evaluate(errors(Duration.ofMinutes(6), 2)).get(0);
        assertEquals(AlertState.FIRING, resolved.from());
        assertEquals(AlertState.RESOLVED, resolved.to());
        assertEquals(2, resolved.value());

        AlertTransition inactive = evaluator.evaluate(errors(Duration.ofMinutes(7), 2)).get(0);
        assertEquals(AlertState.RESOLVED, inactive.from());
        assertEquals(AlertState.INACTIVE, inactive.to());

        evaluator.evaluate(errors(Duration.ofMinutes(8), 9));
        evaluator.evaluate(errors(Duration.ofMinutes(13), 9));
        evaluator.evaluate(errors(Duration.ofMinutes(14), 1));
        AlertTransition again = evaluator.evaluate(errors(Duration.ofMinutes(15), 9)).get(0);
        assertEquals(AlertState.RESOLVED, again.from());
        assertEquals(AlertState.PENDING, again.to());
    }

    @Test
    void zeroSustainFiresOnTheFirstBreach() {
        AlertRule cpu = new AlertRule("cpu", "CPU high", Metric.CPU, Comparison.AT_OR_ABOVE, 80, Duration.ZERO,
                AlertSeverity.WARNING, "Scale out");
        AlertEvaluator evaluator = new AlertEvaluator(List.of(cpu));
        assertEquals(List.of(), evaluator.evaluate(new MetricSample(Metric.CPU, T0, 79.9)));
        List<AlertTransition> t = evaluator.evaluate(new MetricSample(Metric.CPU, T0.plusSeconds(1), 80));
        assertEquals(1, t.size());
        assertEquals(AlertState.INACTIVE, t.get(0).from());
        assertEquals(AlertState.FIRING, t.get(0).to());
    }

    @Test
    void belowRulesAndOtherMetricsAndOldSamples() {
        AlertRule pool = new AlertRule("db-pool", "DB pool exhausted", Metric.DB_CONNECTIONS_FREE, Comparison.BELOW,
                5, Duration.ofMinutes(1), AlertSeverity.CRITICAL, "Scale the database");
        AlertEvaluator evaluator = new AlertEvaluator(List.of(pool, ERRORS));
        assertEquals(List.of(), evaluator.evaluate(errors(Duration.ZERO, 1)));
        evaluator.evaluate(new MetricSample(Metric.DB_CONNECTIONS_FREE, T0.plusSeconds(10), 4));
        // an older sample arriving late is ignored
        assertEquals(List.of(), evaluator.evaluate(new MetricSample(Metric.DB_CONNECTIONS_FREE, T0, 50)));
        List<AlertTransition> t = evaluator.evaluate(
                new MetricSample(Metric.DB_CONNECTIONS_FREE, T0.plusSeconds(70), 3));
        assertEquals(AlertState.FIRING, t.get(0).to());
        assertEquals(AlertState.INACTIVE, evaluator.statuses().get(1).state());
        assertTrue(Double.isNaN(evaluator.statuses().get(1).lastValue()) == false);
    }

    @Test
    void nanNeverHoldsAndDuplicateIdsAreRefused() {
        AlertEvaluator evaluator = new AlertEvaluator(List.of(ERRORS));
        assertEquals(List.of(), evaluator.evaluate(errors(Duration.ZERO, Double.NaN)));
        assertThrows(IllegalArgumentException.class, () -> new AlertEvaluator(List.of(ERRORS, ERRORS)));
    }

    @Test
    void aResolvedAlertWaitsForItsCalmTimeBeforeFiringAgain() {
        AlertRule memory = new AlertRule("high-memory", "Memory high", Metric.MEMORY, Comparison.AT_OR_ABOVE, 85,
                Duration.ZERO, AlertSeverity.WARNING, "Scale out"); // calm time: 1 min
        AlertEvaluator evaluator = new AlertEvaluator(List.of(memory));
        int fired = 0;
        int resolved = 0;
        for (int s = 0; s < 300; s += 2) {
            double v = (s / 2) % 2 == 0 ? 85.2 : 84.8; // hovering at the threshold every 2 s
            for (AlertTransition t : evaluator.evaluate(new MetricSample(Metric.MEMORY, T0.plusSeconds(s), v))) {
                fired += t.to() == AlertState.FIRING ? 1 : 0;
                resolved += t.to() == AlertState.RESOLVED ? 1 : 0;
            }
        }
        assertEquals(5, fired, "at most once per minute of calm time, not 75 times");
        assertTrue(resolved <= fired);
        AlertStatus status = evaluator.statuses().get(0);
        assertTrue(status.mayFireAgainAt() != null);
    }

    @Test
    void aLastingProblemStillFiresAgainOnceTheCalmTimeHasPassed() {
        AlertEvaluator evaluator = new AlertEvaluator(List.of(ERRORS)); // 5 min sustained, 5 min calm
        evaluator.evaluate(errors(Duration.ZERO, 9));
        evaluator.evaluate(errors(Duration.ofMinutes(5), 9));
        assertEquals(AlertState.RESOLVED, evaluator.evaluate(errors(Duration.ofMinutes(6), 2)).get(0).to());
        evaluator.evaluate(errors(Duration.ofMinutes(6).plusSeconds(10), 9));
        assertEquals(List.of(), evaluator.evaluate(errors(Duration.ofMinutes(11).plusSeconds(9), 9)),
                "held 5 min but still inside the calm time after resolving at 6 min");
        assertEquals(AlertState.PENDING, state(evaluator));
        assertEquals(AlertState.FIRING, evaluator.evaluate(errors(Duration.ofMinutes(11).plusSeconds(10), 9))
                .get(0).to());
    }

    @Test
    void onlyFiringAndResolvingAreRecorded() {
        assertTrue(new AlertTransition(ERRORS, AlertState.PENDING, AlertState.FIRING, T0, 6).recorded());
        assertTrue(new AlertTransition(ERRORS, AlertState.FIRING, AlertState.RESOLVED, T0, 4).recorded());
        assertTrue(!new AlertTransition(ERRORS, AlertState.INACTIVE, AlertState.PENDING, T0, 6).recorded());
        assertTrue(!new AlertTransition(ERRORS, AlertState.PENDING, AlertState.INACTIVE, T0, 4).recorded());
        assertTrue(!new AlertTransition(ERRORS, AlertState.RESOLVED, AlertState.INACTIVE, T0, 4).recorded());
    }

    @Test
    void theCalmTimeIsTheSustainedTimeAtLeastOneMinute() {
        assertEquals(Duration.ofMinutes(5), ERRORS.calmFor());
        assertEquals(AlertRule.MIN_CALM, new AlertRule("cpu", "CPU", Metric.CPU, Comparison.ABOVE, 80, Duration.ZERO,
                AlertSeverity.WARNING, "Scale out").calmFor());
    }

    @Test
    void theSuggestedActionAppliesOnlyWhileTheConditionHolds() {
        for (AlertState state : AlertState.values()) {
            AlertStatus status = new AlertStatus(ERRORS, state, null, 6, T0, null);
            assertEquals(state == AlertState.FIRING || state == AlertState.PENDING, status.actionApplies(), state.name());
        }
    }
}
