package dev.warroom.crisis;

import dev.warroom.testing.Backend;
import dev.warroom.testing.PostgresExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.domain.BoardPolicy;
import dev.warroom.domain.Card;
import dev.warroom.domain.CardDraft;
import dev.warroom.domain.CardKind;
import dev.warroom.domain.Column;
import dev.warroom.domain.EventKind;
import dev.warroom.domain.InvalidInputException;
import dev.warroom.domain.Priority;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.domain.debt.DebtDraft;
import dev.warroom.domain.debt.DebtEntry;
import dev.warroom.domain.debt.DebtStatus;
import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.plan.ChecklistProgress;
import dev.warroom.domain.plan.Decision;
import dev.warroom.domain.plan.DecisionInputs;
import dev.warroom.domain.plan.OkrStatus;
import dev.warroom.domain.plan.Quadrant;
import dev.warroom.domain.plan.ReadinessAssessment;
import dev.warroom.store.Database;
import dev.warroom.store.StaleUpdateException;
import dev.warroom.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Debt, checklists, OKRs, decisions and readiness on a real H2 file, closed and reopened. */
/** Runs on H2 and on PostgreSQL (team mode): the same tests, both databases. */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
@ExtendWith(PostgresExtension.class)
class PlanStoreTest {
    @Parameter
    Backend backend;

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
    private final LiveFigures figures = m -> m == Metric.UPTIME
            ? Optional.of(new LiveFigures.Figure(m, 99.4, clock.instant())) : Optional.empty();

    private Database open() {
        return backend.open(dir, "plan");
    }

    private static List<TimelineEvent> events(Database db) {
        return db.read(tx -> tx.latestEvents(500));
    }

    @Test
    void everythingSurvivesAReopen() {
        long debtId;
        long cardId;
        try (Database db = open()) {
            new CrisisService(db, clock, "ic").start("Launch surge", clock.instant());
            DebtService debt = new DebtService(db, clock, "ic");
            DebtEntry e = debt.create(DebtDraft.of("Database", "Connection limit hard-coded", "no time", "alice", "1",
                    null));
            debtId = e.id();
            DebtEntry promoted = debt.promote(e.id(), e.version());
            cardId = promoted.cardId();
            Card card = db.read(tx -> tx.card(cardId)).orElseThrow();
            assertEquals(Column.BACKLOG, card.column());
            assertEquals(Priority.HIGH, card.priority());
            assertEquals("alice", card.assignee());
            assertThrows(InvalidInputException.class, () -> debt.promote(promoted.id(), promoted.version()));
            debt.setStatus(promoted.id(), promoted.version(), DebtStatus.FIXED);
            assertThrows(StaleUpdateException.class, () -> debt.setStatus(promoted.id(), promoted.version(),
                    DebtStatus.OPEN));

            ChecklistService lists = new ChecklistService(db, clock, "ic", ChecklistLoader.loadBuiltIn());
            lists.tick("first-two-hours", "open-war-room", "");
            assertThrows(InvalidInputException.class, () -> lists.tick("scaling-sign-off", "sign-cto", " "));
            lists.tick("scaling-sign-off", "sign-cto", "Dana Ruiz");

            PlanService plan = new PlanService(db, clock, "ic", figures);
            plan.setKeyResult("o2-autoscaling", OkrStatus.AT_RISK, "configured, not yet tested", -1);
            plan.setHighGrowthThreshold("800");
            plan.recordDecision(new DecisionInputs(5, 900, 4000, 5), null, "signups failing under load");
            clock.advance(Duration.ofMinutes(30));
            plan.recordDecision(new DecisionInputs(8, 900, 4000, 5), Quadrant.STABILITY_FIRST, "one more hour");
            plan.saveReadiness(ReadinessAssessment.of(LocalDate.of(2026, 11, 1), "1,000", "10000", "100000",
                    "Database connections", "Add read replicas", Set.of("load-tested")));
        }
        try (Database db = open()) {
            DebtService.DebtLog log = new DebtService(db, clock, "ic").log();
            DebtEntry e = log.entries().get(0);
            assertEquals(debtId, e.id());
            assertEquals(DebtStatus.FIXED, e.status());
            assertEquals(cardId, e.cardId());
            assertEquals("no time", e.reason());

            ChecklistService lists = new ChecklistService(db, clock, "ic", ChecklistLoader.loadBuiltIn());
            List<ChecklistProgress> progress = lists.checklists();
            ChecklistProgress first = progress.get(0);
            assertEquals("ic", first.ticks().get("open-war-room").by());
            assertEquals(null, first.ticks().get("confirm-surge"), "judgement is never ticked automatically");
            ChecklistProgress recovery = progress.stream().filter(p -> p.template().id().equals("recovery-week-1"))
                    .findFirst().orElseThrow();
            assertTrue(recovery.ticks().get("debt-documented").note().contains("1 scale-debt entry"));
            assertEquals("Dana Ruiz", progress.get(5).ticks().get("sign-cto").signedName());

            PlanService plan = new PlanService(db, clock, "ic", figures);
            var krs = plan.keyResults();
            var uptime = krs.stream().filter(k -> k.keyResult().id().equals("o1-uptime")).findFirst().orElseThrow();
            assertEquals(OkrStatus.ON_TRACK, uptime.status());
            assertEquals(99.4, uptime.value());
            var retention = krs.stream().filter(k -> k.keyResult().id().equals("o1-retention")).findFirst().orElseThrow();
            assertEquals(OkrStatus.NO_DATA, retention.status());
            var auto = krs.stream().filter(k -> k.keyResult().id().equals("o2-autoscaling")).findFirst().orElseThrow();
            assertEquals(OkrStatus.AT_RISK, auto.status());
            assertEquals("configured, not yet tested", auto.manual().note());
            assertThrows(StaleUpdateException.class,
                    () -> plan.setKeyResult("o2-autoscaling", OkrStatus.DONE, "tested", -1));
            plan.setKeyResult("o2-autoscaling", OkrStatus.DONE, "tested", auto.manual().version());

            assertEquals(800, plan.matrix().highGrowthPerHour());
            List<Decision> history = plan.decisions();
            assertEquals(2, history.size());
            assertEquals(Quadrant.STABILITY_FIRST, history.get(0).chosen());
            assertEquals(Quadrant.SHIP_GROWTH, history.get(0).suggested());
            assertTrue(history.get(0).overridden());
            assertEquals(Quadrant.STABILITY_FIRST, history.get(1).suggested());
            assertEquals(4000, history.get(1).inputs().revenuePerHour());

            ReadinessAssessment r = plan.readiness().get(0);
            assertEquals(1000, r.current());
            assertEquals(Set.of("load-tested"), r.checks());
            assertEquals(10, r.testedPercent());
            plan.saveReadiness(ReadinessAssessment.of(LocalDate.of(2026, 11, 1), "2000", "20000", "100000",
                    "Cache", "Cluster mode", Set.of()));
            plan.saveReadiness(ReadinessAssessment.of(LocalDate.of(2026, 12, 1), "3000", "50000", "100000",
                    "Cache", "Cluster mode", Set.of("load-tested", "roles-defined")));
            assertEquals(List.of(2000L, 3000L), plan.readiness().stream().map(ReadinessAssessment::current).toList());

            List<EventKind> kinds = events(db).stream().map(TimelineEvent::kind).toList();
            for (EventKind k : List.of(EventKind.DEBT_LOGGED, EventKind.DEBT_PROMOTED, EventKind.DEBT_STATUS_CHANGED,
                    EventKind.CARD_CREATED, EventKind.CHECKLIST_TICKED, EventKind.CHECKLIST_AUTO_TICKED,
                    EventKind.OKR_SET, EventKind.DECISION_RECORDED, EventKind.DECISION_THRESHOLD_CHANGED,
                    EventKind.READINESS_ASSESSED)) {
                assertTrue(kinds.contains(k), k + " missing from " + kinds);
            }
        }
    }

    @Test
    void featuresPausedOnTheBoardTicksTheChecklistAndBadInputLosesNothing() {
        try (Database db = open()) {
            new CrisisService(db, clock, "ic").start("Surge", clock.instant());
            BoardService board = new BoardService(db, clock, "ic", BoardPolicy.defaults());
            board.create(CardDraft.of("Feature X", "", CardKind.FEATURE, Priority.MEDIUM, "", "", "", clock.instant(),
                    ZoneOffset.UTC), Column.BACKLOG);
            ChecklistService lists = new ChecklistService(db, clock, "ic", ChecklistLoader.loadBuiltIn());
            assertFalse(lists.checklists().get(0).ticks().containsKey("pause-features"));
            board.pauseFeatureWork();
            var ticks = lists.checklists().get(0).ticks();
            assertEquals("feature work was paused on the board", ticks.get("pause-features").note());
            assertNull(ticks.get("assign-commander"), "no role events yet");

            DebtService debt = new DebtService(db, clock, "ic");
            DebtEntry e = debt.create(DebtDraft.of("CDN", "temporary config", "", "bob", "2", null));
            assertThrows(InvalidInputException.class, () -> debt.edit(e.id(), e.version(),
                    DebtDraft.of("CDN", "temporary config", "", "bob", "5", null)));
            assertThrows(InvalidInputException.class, () -> new PlanService(db, clock, "ic", LiveFigures.none())
                    .recordDecision(new DecisionInputs(5, 1, 1, 1), null, "  "));
            assertEquals(2, debt.log().entries().get(0).fixWeek());
            assertEquals(0, new PlanService(db, clock, "ic", LiveFigures.none()).decisions().size());
            assertTrue(new PlanService(db, clock, "ic", LiveFigures.none()).suggestion().stability().isEmpty());
            assertEquals(Map.of(), Map.of());
        }
    }
}
