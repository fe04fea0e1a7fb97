package dev.warroom.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrisisPhaseTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void boundariesAreHalfOpenOnTheClock() {
        assertEquals(CrisisPhase.RECOGNITION, CrisisPhase.at(Duration.ZERO));
        assertEquals(CrisisPhase.RECOGNITION, CrisisPhase.at(Duration.ofMinutes(6 * 60 - 1)));
        assertEquals(CrisisPhase.STABILISATION, CrisisPhase.at(Duration.ofHours(6)));
        assertEquals(CrisisPhase.STABILISATION, CrisisPhase.at(Duration.ofMinutes(24 * 60 - 1)));
        assertEquals(CrisisPhase.STRATEGIC_SCALING, CrisisPhase.at(Duration.ofHours(24)));
        assertEquals(CrisisPhase.STRATEGIC_SCALING, CrisisPhase.at(Duration.ofMinutes(72 * 60 - 1)));
        assertEquals(CrisisPhase.RECOVERY, CrisisPhase.at(Duration.ofHours(72)));
        assertEquals(CrisisPhase.RECOVERY, CrisisPhase.at(Duration.ofDays(20)));
        assertEquals(CrisisPhase.RECOGNITION, CrisisPhase.at(Duration.ofMinutes(-5)), "before the start counts as hour 0");
    }

    @Test
    void anEndedCrisisIsInRecoveryWhateverTheClock() {
        Crisis ended = new Crisis(1, "Surge", T0, T0.plus(Duration.ofHours(3)), 1);
        CrisisOverview o = new CrisisOverview(ended, null, Map.of());
        assertEquals(CrisisPhase.RECOVERY, o.phase(T0.plus(Duration.ofHours(4))));
        assertEquals(Duration.ofHours(3), o.recoveryTime().orElseThrow());
    }

    @Test
    void everyPhaseHasLabelAndPriorities() {
        for (CrisisPhase p : CrisisPhase.values()) {
            assertTrue(p.priorities().size() >= 3, p.name());
            assertTrue(p.label().startsWith("Hour "), p.label());
        }
        assertEquals("Hour 6–24 · Stabilise", CrisisPhase.STABILISATION.label());
        assertEquals("Hour 72+", CrisisPhase.RECOVERY.hours());
    }

    @Test
    void recoveryVerdictAgainstThe72HourTarget() {
        assertEquals("Stable after 31h 20m: within the 72 h target",
                CrisisOverview.recoveryVerdict(Duration.ofMinutes(31 * 60 + 20)));
        assertEquals("Stable after 76h: missed the 72 h target by 4h",
                CrisisOverview.recoveryVerdict(Duration.ofHours(76)));
    }

    @Test
    void roleHoldersAreNamedPlainly() {
        assertEquals("alice", CrisisRole.validHolder(" @alice "));
        assertEquals("infrastructure-lead", CrisisRole.titled("Infrastructure lead").key());
        InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> CrisisRole.validHolder("  "));
        assertEquals("holder", e.field());
    }
}
