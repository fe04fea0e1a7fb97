package dev.warroom.domain.debt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which status a piece of scale debt may move to (the debt view's buttons follow this). */
class DebtStatusTest {

    private static Set<DebtStatus> next(DebtStatus from) {
        Set<DebtStatus> out = EnumSet.noneOf(DebtStatus.class);
        for (DebtStatus s : DebtStatus.values()) {
            if (from.mayBecome(s)) {
                out.add(s);
            }
        }
        return out;
    }

    @Test
    void openDebtCanBeStartedFixedOrAccepted() {
        assertEquals(EnumSet.of(DebtStatus.IN_PROGRESS, DebtStatus.FIXED, DebtStatus.ACCEPTED), next(DebtStatus.OPEN));
    }

    @Test
    void workUnderWayCanOnlyEndFixedOrAccepted() {
        assertEquals(EnumSet.of(DebtStatus.FIXED, DebtStatus.ACCEPTED), next(DebtStatus.IN_PROGRESS));
    }

    @Test
    void closedDebtIsReopenedOrSwitchesBetweenFixedAndAccepted() {
        assertEquals(EnumSet.of(DebtStatus.ACCEPTED, DebtStatus.OPEN), next(DebtStatus.FIXED));
        assertEquals(EnumSet.of(DebtStatus.FIXED, DebtStatus.OPEN), next(DebtStatus.ACCEPTED));
    }
}
