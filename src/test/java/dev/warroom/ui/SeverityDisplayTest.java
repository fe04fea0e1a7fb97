package dev.warroom.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.domain.metric.IncidentSeverity;
import dev.warroom.domain.metric.ScaleSeverity;
import dev.warroom.domain.metric.SeverityStatus;
import dev.warroom.domain.metric.SignalState;
import dev.warroom.domain.metric.SustainedSeverity;
import dev.warroom.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The one severity decision every banner and the wall's band render: never the green "TRAFFIC NORMAL / NO
 * INCIDENT" of good news while there is no data, while the figures are stale or while they are simulated.
 */
class SeverityDisplayTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private final MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");

    @Test
    void beforeTheFirstFigureBothSidesSayNoDataWithoutALevelsColour() {
        SeverityDisplay d = new SeverityDisplay(clock);
        assertEquals(new SeverityDisplay.Side("TRAFFIC: NO DATA", "No traffic figure yet: scale severity unknown",
                "no-data"), d.scaleProperty().get());
        assertEquals("ERRORS: NO DATA", d.incidentProperty().get().headline());
        assertEquals("no-data", d.incidentProperty().get().look());
    }

    @Test
    void simulatedFiguresSaySimulatedAndAreNotColouredAsReal() {
        WarRoomState state = new WarRoomState(Optional::empty, TaskRunner.immediate(), clock);
        javafx.beans.property.SimpleObjectProperty<SeverityStatus<ScaleSeverity>> scale =
                new javafx.beans.property.SimpleObjectProperty<>(fresh(ScaleSeverity.SURGE, 24));
        javafx.beans.property.SimpleObjectProperty<SeverityStatus<IncidentSeverity>> incident =
                new javafx.beans.property.SimpleObjectProperty<>(fresh(IncidentSeverity.NONE, 0.4));
        state.followSeverities(scale, incident);
        javafx.beans.property.SimpleBooleanProperty simulated = new javafx.beans.property.SimpleBooleanProperty(true);
        state.followSimulated(simulated);

        SeverityDisplay d = state.severity();
        assertEquals("SIMULATED · SURGE", d.scaleProperty().get().headline());
        assertEquals("simulated", d.scaleProperty().get().look());
        assertEquals("SIMULATED · NO INCIDENT", d.incidentProperty().get().headline(),
                "no green NO INCIDENT beside simulated figures");
        assertEquals("simulated", d.incidentProperty().get().look());

        simulated.set(false);
        assertEquals(new SeverityDisplay.Side("SURGE", "Traffic 10–50x normal — dedicated scaling team, scaling sprint",
                "surge"), d.scaleProperty().get(), "real figures: the level and its colour");
        assertEquals("none", d.incidentProperty().get().look());

        incident.set(stale(IncidentSeverity.SEV2, 13.8, T0.minusSeconds(40)));
        assertEquals("SEV-2", d.incidentProperty().get().headline());
        assertEquals("STALE since 40 s ago · last error rate 13.8 %", d.incidentProperty().get().detail());
        assertEquals("stale", d.incidentProperty().get().look(), "a stale level is not coloured as current");
    }

    @Test
    void thePendingChangeAndTheStaleAgeCountOnWithTheClock() throws Exception {
        SustainedSeverity<ScaleSeverity> s = SustainedSeverity.scale(Duration.ofMinutes(2), Duration.ofMinutes(5));
        s.observe(T0, 24);
        s.observe(T0.plusSeconds(80), 24);
        clock.set(T0.plusSeconds(80));
        SeverityDisplay d = new SeverityDisplay(clock);
        d.setScale(SeverityStatus.of(s, SignalState.FRESH));
        assertEquals("TRAFFIC NORMAL", d.scaleProperty().get().headline());
        assertEquals("→ SURGE in 0:40 · traffic 24x now", d.scaleProperty().get().detail());
        clock.advance(Duration.ofSeconds(4));
        d.tick();
        assertEquals("→ SURGE in 0:36 · traffic 24x now", d.scaleProperty().get().detail());
    }

    @Test
    void everyLookIsKnownSoAViewCanClearTheOthers() {
        for (String look : new String[] {"no-data", "stale", "simulated", "normal", "viral", "none", "sev1"}) {
            assertTrue(SeverityDisplay.LOOKS.contains(look), look);
        }
        assertFalse(SeverityDisplay.LOOKS.contains("ok"));
    }

    private static <L extends Enum<L>> SeverityStatus<L> fresh(L level, double value) {
        return new SeverityStatus<>(level, SignalState.FRESH, T0, value, level, null);
    }

    private static <L extends Enum<L>> SeverityStatus<L> stale(L level, double value, Instant at) {
        return new SeverityStatus<>(level, SignalState.STALE, at, value, level, null);
    }
}
