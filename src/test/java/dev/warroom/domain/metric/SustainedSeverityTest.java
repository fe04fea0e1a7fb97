package dev.warroom.domain.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SustainedSeverityTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void scaleBoundaries() {
        assertEquals(ScaleSeverity.NORMAL, ScaleSeverity.ofTrafficMultiple(1.99));
        assertEquals(ScaleSeverity.GROWTH, ScaleSeverity.ofTrafficMultiple(2));
        assertEquals(ScaleSeverity.GROWTH, ScaleSeverity.ofTrafficMultiple(9.99));
        assertEquals(ScaleSeverity.SURGE, ScaleSeverity.ofTrafficMultiple(10));
        assertEquals(ScaleSeverity.SURGE, ScaleSeverity.ofTrafficMultiple(50));
        assertEquals(ScaleSeverity.VIRAL, ScaleSeverity.ofTrafficMultiple(50.01));
        assertEquals(ScaleSeverity.NORMAL, ScaleSeverity.ofTrafficMultiple(Double.NaN));
    }

    @Test
    void incidentBoundaries() {
        assertEquals(IncidentSeverity.NONE, IncidentSeverity.ofErrorRate(4.99));
        assertEquals(IncidentSeverity.SEV3, IncidentSeverity.ofErrorRate(5));
        assertEquals(IncidentSeverity.SEV3, IncidentSeverity.ofErrorRate(9.99));
        assertEquals(IncidentSeverity.SEV2, IncidentSeverity.ofErrorRate(10));
        assertEquals(IncidentSeverity.SEV2, IncidentSeverity.ofErrorRate(50));
        assertEquals(IncidentSeverity.SEV1, IncidentSeverity.ofErrorRate(50.5));
    }

    @Test
    void escalatesOnlyOnceSustained() {
        SustainedSeverity<ScaleSeverity> scale = SustainedSeverity.scale(Duration.ofMinutes(2), Duration.ofMinutes(5));
        assertEquals(Optional.empty(), scale.observe(T0, 12));
        assertEquals(Optional.empty(), scale.observe(T0.plusSeconds(119), 12));
        assertEquals(Optional.of(new SeverityChange<>(ScaleSeverity.NORMAL, ScaleSeverity.SURGE,
                T0.plusSeconds(120), 12.0)), scale.observe(T0.plusSeconds(120), 12));
        assertEquals(ScaleSeverity.SURGE, scale.level());
    }

    @Test
    void aShortSpikeDoesNotChangeTheLevel() {
        SustainedSeverity<ScaleSeverity> scale = SustainedSeverity.scale(Duration.ofMinutes(2), Duration.ofMinutes(5));
        scale.observe(T0, 60);
        scale.observe(T0.plusSeconds(60), 60);
        assertEquals(Optional.empty(), scale.observe(T0.plusSeconds(61), 1));
        assertEquals(Optional.empty(), scale.observe(T0.plusSeconds(130), 60));
        assertEquals(ScaleSeverity.NORMAL, scale.level());
    }

    @Test
    void aRampEscalatesThroughSurgeToViral() {
        SustainedSeverity<ScaleSeverity> scale = SustainedSeverity.scale(Duration.ofMinutes(2), Duration.ofMinutes(5));
        scale.observe(T0, 11);
        scale.observe(T0.plusSeconds(60), 55);
        SeverityChange<ScaleSeverity> surge = scale.observe(T0.plusSeconds(120), 60).orElseThrow();
        assertEquals(ScaleSeverity.SURGE, surge.to());
        assertEquals(Optional.empty(), scale.observe(T0.plusSeconds(179), 70));
        SeverityChange<ScaleSeverity> viral = scale.observe(T0.plusSeconds(180), 70).orElseThrow();
        assertEquals(ScaleSeverity.SURGE, viral.from());
        assertEquals(ScaleSeverity.VIRAL, viral.to());
        assertTrue(viral.escalation());
    }

    @Test
    void calmsDownOnlyAfterTheLongerWindowStraightToTheLevelTheValueIsIn() {
        SustainedSeverity<IncidentSeverity> incident =
                SustainedSeverity.incident(Duration.ofMinutes(1), Duration.ofMinutes(5));
        incident.observe(T0, 20);
        assertEquals(IncidentSeverity.SEV2, incident.observe(T0.plusSeconds(60), 20).orElseThrow().to());

        Instant calm = T0.plusSeconds(120);
        incident.observe(calm, 7); // SEV-3 territory
        assertEquals(Optional.empty(), incident.observe(calm.plusSeconds(200), 3.1));
        SeverityChange<IncidentSeverity> down = incident.observe(calm.plusSeconds(300), 3.1).orElseThrow();
        // below SEV-2 for 5 min and at 3.1 % now: straight to none, no SEV-3 in between
        assertEquals(IncidentSeverity.NONE, down.to());
        assertEquals(Optional.empty(), incident.observe(calm.plusSeconds(500), 1));
        assertEquals(IncidentSeverity.NONE, incident.level());
    }

    @Test
    void viralCalmsStraightToGrowthWhenTrafficIsAtFourTimesNormal() {
        SustainedSeverity<ScaleSeverity> scale = SustainedSeverity.scale(Duration.ofMinutes(2), Duration.ofMinutes(5));
        scale.observe(T0, 60);
        assertEquals(ScaleSeverity.VIRAL, scale.observe(T0.plusSeconds(120), 60).orElseThrow().to());
        scale.observe(T0.plusSeconds(130), 30);
        scale.observe(T0.plusSeconds(250), 4);
        SeverityChange<ScaleSeverity> down = scale.observe(T0.plusSeconds(430), 4).orElseThrow();
        assertEquals(ScaleSeverity.GROWTH, down.to(), "not SURGE, which 4x contradicts");
    }

    @Test
    void theChangeBuildingUpIsExposedWithTargetTimeAndValue() {
        SustainedSeverity<ScaleSeverity> scale = SustainedSeverity.scale(Duration.ofMinutes(2), Duration.ofMinutes(5));
        assertEquals(Optional.empty(), scale.pending());
        assertEquals(Optional.empty(), scale.valueLevel());
        scale.observe(T0, 24);
        scale.observe(T0.plusSeconds(80), 24);
        SustainedSeverity.Pending<ScaleSeverity> p = scale.pending().orElseThrow();
        assertEquals(ScaleSeverity.SURGE, p.to(), "24x jumps NORMAL → SURGE, not via GROWTH");
        assertEquals(Duration.ofSeconds(40), p.remaining(T0.plusSeconds(80)));
        assertEquals(24.0, scale.lastValue());
        assertEquals(ScaleSeverity.SURGE, scale.valueLevel().orElseThrow());
        assertEquals(ScaleSeverity.NORMAL, scale.level());

        scale.observe(T0.plusSeconds(120), 24);
        assertEquals(Optional.empty(), scale.pending(), "the value is in the level now");

        scale.observe(T0.plusSeconds(130), 12);
        assertEquals(Optional.empty(), scale.pending(), "12x is SURGE too");
        scale.observe(T0.plusSeconds(140), 8.9);
        SustainedSeverity.Pending<ScaleSeverity> down = scale.pending().orElseThrow();
        assertEquals(ScaleSeverity.GROWTH, down.to());
        assertEquals(T0.plusSeconds(440), down.dueAt());
    }

    @Test
    void aRampShowsTheNextStepFirst() {
        SustainedSeverity<ScaleSeverity> scale = SustainedSeverity.scale(Duration.ofMinutes(2), Duration.ofMinutes(5));
        scale.observe(T0, 5);
        scale.observe(T0.plusSeconds(60), 24);
        SustainedSeverity.Pending<ScaleSeverity> p = scale.pending().orElseThrow();
        assertEquals(ScaleSeverity.GROWTH, p.to(), "GROWTH is due first, at T0 + 2 min");
        assertEquals(T0.plusSeconds(120), p.dueAt());
    }

    @Test
    void aRestoredLevelHoldsUntilTheValuesSayOtherwise() {
        SustainedSeverity<ScaleSeverity> scale = SustainedSeverity.scale(Duration.ofMinutes(2), Duration.ofMinutes(5));
        scale.restore(ScaleSeverity.SURGE);
        assertEquals(ScaleSeverity.SURGE, scale.level());
        assertEquals(Optional.empty(), scale.observe(T0, 20));
        assertEquals(Optional.empty(), scale.pending());
        scale.restore(ScaleSeverity.VIRAL);
        assertEquals(ScaleSeverity.SURGE, scale.level(), "a restore after the first value is ignored");
        scale.observe(T0.plusSeconds(10), 1);
        assertEquals(ScaleSeverity.NORMAL, scale.observe(T0.plusSeconds(310), 1).orElseThrow().to());
    }

    @Test
    void zeroSustainSwitchesImmediately() {
        SustainedSeverity<IncidentSeverity> incident = SustainedSeverity.incident(Duration.ZERO, Duration.ZERO);
        assertEquals(IncidentSeverity.SEV1, incident.observe(T0, 75).orElseThrow().to());
        assertEquals(IncidentSeverity.NONE, incident.observe(T0.plusSeconds(1), 0).orElseThrow().to());
    }
}
