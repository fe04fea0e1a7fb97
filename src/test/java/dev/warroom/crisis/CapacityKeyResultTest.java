package dev.warroom.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.plan.CrisisOkrs;
import dev.warroom.domain.plan.OkrStatus;
import dev.warroom.domain.plan.ReadinessAssessment;
import dev.warroom.store.Database;
import dev.warroom.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Carry 10x the traffic" is judged on tested capacity or by hand, never on today's traffic. */
class CapacityKeyResultTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    @TempDir
    Path dir;

    private static PlanService.KeyResultState tenX(PlanService plan) {
        return plan.keyResults().stream().filter(k -> k.keyResult().id().equals(CrisisOkrs.CAPACITY_KEY_RESULT))
                .findFirst().orElseThrow();
    }

    @Test
    void todaysTrafficSaysNothingTheLoadTestDoes() {
        MutableClock clock = new MutableClock(T0);
        LiveFigures trafficAt24x = m -> m == Metric.TRAFFIC_MULTIPLE
                ? Optional.of(new LiveFigures.Figure(m, 24, clock.instant())) : Optional.empty();
        try (Database db = Database.open(dir.resolve("kr"))) {
            new CrisisService(db, clock, "ic").start("Launch surge", T0);
            PlanService plan = new PlanService(db, clock, "ic", trafficAt24x);
            PlanService.KeyResultState before = tenX(plan);
            assertEquals(OkrStatus.NOT_STARTED, before.status(), "24x today is not a tested capacity");
            assertNull(before.value());

            plan.saveReadiness(ReadinessAssessment.of(LocalDate.of(2026, 11, 1), "10,000", "40,000", "100,000",
                    "Database connections", "Add read replicas", Set.of("load-tested")));
            PlanService.KeyResultState tested = tenX(plan);
            assertEquals(OkrStatus.OFF_TRACK, tested.status());
            assertTrue(tested.manual().note().contains("40,000 of the 100,000"), tested.manual().note());
            assertEquals(-1, tested.manual().version(), "not set by hand");

            plan.saveReadiness(ReadinessAssessment.of(LocalDate.of(2026, 11, 20), "10,000", "100,000", "100,000",
                    "Database connections", "Done", Set.of("load-tested")));
            assertEquals(OkrStatus.ON_TRACK, tenX(plan).status(), "the latest assessment counts");

            plan.setKeyResult(CrisisOkrs.CAPACITY_KEY_RESULT, OkrStatus.AT_RISK, "load balancer limit found", -1);
            assertEquals(OkrStatus.AT_RISK, tenX(plan).status(), "set by hand wins");
        }
    }
}
