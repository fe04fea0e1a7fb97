package dev.warroom.domain.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A value a unit factor off is named, once it has stayed there a while. */
class UnitCheckTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void aFractionWhereAPercentageBelongsIsNamedAfterItStays() {
        UnitCheck uptime = new UnitCheck(Metric.UPTIME);
        assertEquals(Optional.empty(), uptime.observe(T0, 0.999), "one sample is not enough");
        assertEquals(Optional.empty(), uptime.observe(T0.plusSeconds(20), 0.99867));
        assertEquals(Optional.of("uptime 0.99867 — a fraction? multiply by 100 (the unit is %)"),
                uptime.observe(T0.plusSeconds(30), 0.99867));
        assertEquals(Optional.empty(), uptime.observe(T0.plusSeconds(35), 99.87), "fixed: the warning goes");
    }

    @Test
    void secondsWhereMillisecondsBelongAndHealthyValuesPass() {
        assertEquals(Optional.of("p95 0.195 ms — seconds? multiply by 1000 (the unit is ms)"),
                UnitCheck.suspicion(Metric.P95_LATENCY, 0.195));
        assertTrue(UnitCheck.suspicion(Metric.P95_LATENCY, 185).isEmpty());
        assertTrue(UnitCheck.suspicion(Metric.UPTIME, 99.9).isEmpty());
        assertTrue(UnitCheck.suspicion(Metric.ERROR_RATE, 0.4).isEmpty(), "0.4 % errors is a real error rate");
        assertTrue(UnitCheck.suspicion(Metric.UPTIME, 0).isEmpty(), "0 % uptime is an outage, not a unit");
    }
}
