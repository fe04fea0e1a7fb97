package dev.warroom.domain.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.domain.metric.Metric;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyResultTest {
    private final KeyResult uptime = new KeyResult("u", "o", "uptime", Metric.UPTIME, true, 99, 0.5);
    private final KeyResult latency = new KeyResult("l", "o", "p95", Metric.P95_LATENCY, false, 500, 100);

    @ParameterizedTest(name = "uptime {0} → {1}")
    @CsvSource({"99.9, ON_TRACK", "99.01, ON_TRACK", "99, AT_RISK", "98.5, AT_RISK", "98.49, OFF_TRACK", "0, OFF_TRACK"})
    void higherIsBetterNeedsToBeatTheTargetStrictly(double v, OkrStatus expected) {
        assertEquals(expected, uptime.status(OptionalDouble.of(v)));
    }

    @ParameterizedTest(name = "p95 {0} → {1}")
    @CsvSource({"499, ON_TRACK", "500, AT_RISK", "600, AT_RISK", "601, OFF_TRACK"})
    void lowerIsBetter(double v, OkrStatus expected) {
        assertEquals(expected, latency.status(OptionalDouble.of(v)));
    }

    @Test
    void noLiveValueIsNoData() {
        assertEquals(OkrStatus.NO_DATA, uptime.status(OptionalDouble.empty()));
    }

    @Test
    void defaultsAreTheTwoEmergencyObjectivesWithThreeKeyResultsEach() {
        List<KeyResult> d = CrisisOkrs.defaults();
        assertEquals(6, d.size());
        assertEquals(2, CrisisOkrs.byObjective(d).size());
        assertTrue(d.stream().anyMatch(k -> k.metric() == Metric.UPTIME && k.target() == 99));
        assertTrue(d.stream().anyMatch(k -> k.metric() == Metric.RETENTION_24H && k.target() == 70));
        assertFalse(d.stream().filter(k -> k.id().equals("o2-autoscaling")).findFirst().orElseThrow().live());
        assertEquals("> 99%", uptime.targetText());
    }
}
