package dev.warroom.ui.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.crisis.ChecklistLoader;
import dev.warroom.crisis.ChecklistService;
import dev.warroom.crisis.CrisisService;
import dev.warroom.crisis.LiveFigures;
import dev.warroom.crisis.PlanService;
import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.plan.ChecklistProgress;
import dev.warroom.domain.plan.ChecklistTemplate;
import dev.warroom.domain.plan.DecisionMatrix;
import dev.warroom.domain.plan.OkrStatus;
import dev.warroom.domain.plan.Quadrant;
import dev.warroom.store.Database;
import dev.warroom.testing.MutableClock;
import dev.warroom.testing.NoDialogs;
import dev.warroom.ui.Form;
import dev.warroom.ui.TaskRunner;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Plan view's view model without any JavaFX toolkit: synchronous runner, scripted dialogs. */
class PlanViewModelTest {
    @TempDir
    Path dir;
    private Database db;
    private MutableClock clock;
    private ChecklistService checklists;
    private PlanService plan;
    private ScriptedDialogs dialogs;
    private PlanViewModel vm;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("plan"));
        clock = MutableClock.at("2026-11-23T10:00:00Z");
        new CrisisService(db, clock, "ic").start("Launch surge", clock.instant());
        LiveFigures figures = m -> m == Metric.UPTIME
                ? Optional.of(new LiveFigures.Figure(m, 99.4, clock.instant())) : Optional.empty();
        checklists = new ChecklistService(db, clock, "ic", ChecklistLoader.loadBuiltIn());
        plan = new PlanService(db, clock, "ic", figures);
        dialogs = new ScriptedDialogs();
        vm = new PlanViewModel(checklists, plan, TaskRunner.immediate(), dialogs, ZoneOffset.UTC);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private ChecklistProgress list(String id) {
        return vm.snapshotProperty().get().checklists().stream().filter(p -> p.template().id().equals(id))
                .findFirst().orElseThrow();
    }

    private ChecklistTemplate.Item item(String list, String item) {
        return list(list).template().sections().stream().flatMap(s -> s.items().stream())
                .filter(i -> i.id().equals(item)).findFirst().orElseThrow();
    }

    @Test
    void loadsEverythingThePlanShowsInOneSnapshot() {
        assertNull(vm.snapshotProperty().get(), "nothing is read before the view asks");

        vm.refresh();

        PlanViewModel.Snapshot s = vm.snapshotProperty().get();
        assertNotNull(s);
        assertEquals(checklists.checklists().size(), s.checklists().size());
        assertFalse(s.keyResults().isEmpty());
        assertTrue(s.decisions().isEmpty());
        assertEquals(String.valueOf(Math.round(DecisionMatrix.defaults().highGrowthPerHour())),
                vm.thresholdProperty().get(), "the threshold field starts at the stored threshold");
        assertEquals("2026-11-23", vm.dateProperty().get(), "readiness is dated today by the service clock");
    }

    @Test
    void tickingAnItemGoesThroughTheServiceAndComesBackInTheSnapshot() {
        vm.refresh();
        ChecklistTemplate.Item reviewed = item("scaling-sign-off", "plan-reviewed");

        vm.toggle("scaling-sign-off", reviewed, true);

        assertEquals("Ticked \"" + reviewed.text() + "\".", vm.messageProperty().get());
        assertEquals("ic", list("scaling-sign-off").ticks().get("plan-reviewed").by());

        vm.toggle("scaling-sign-off", reviewed, false);
        assertNull(list("scaling-sign-off").ticks().get("plan-reviewed"));
    }

    @Test
    void aSignOffAsksWhoSignsAndBackingOffTicksNothing() {
        vm.refresh();
        ChecklistTemplate.Item cto = item("scaling-sign-off", "sign-cto");

        vm.toggle("scaling-sign-off", cto, true);
        assertNull(list("scaling-sign-off").ticks().get("sign-cto"), "no name, no sign-off");
        assertEquals("Type the name of the person signing.", dialogs.textValidator.apply(" "));

        dialogs.names.add("Dana Ruiz");
        vm.toggle("scaling-sign-off", cto, true);
        assertEquals("Dana Ruiz", list("scaling-sign-off").ticks().get("sign-cto").signedName());
        assertEquals("Signed off for " + cto.text() + " by Dana Ruiz.", vm.messageProperty().get());
    }

    @Test
    void theMatrixAnswersAsTheInputsAreTypedAndNamesABadOne() {
        vm.stabilityProperty().set("3");
        vm.growthProperty().set("100000");
        assertEquals(Quadrant.STABILITY_FIRST, vm.resultProperty().get());
        assertEquals(Quadrant.STABILITY_FIRST.label(), vm.resultTextProperty().get());

        vm.stabilityProperty().set("9");
        assertEquals(Quadrant.SHIP_GROWTH, vm.resultProperty().get());

        vm.growthProperty().set("lots");
        assertNull(vm.resultProperty().get());
        assertEquals("—", vm.resultTextProperty().get());
        assertTrue(vm.reasoningProperty().get().contains("\"lots\""), vm.reasoningProperty().get());
    }

    @Test
    void aDecisionNeedsARationaleAndIsRecordedWithIt() {
        vm.refresh();
        vm.stabilityProperty().set("3");
        vm.growthProperty().set("100000");

        vm.recordDecision();
        assertTrue(vm.messageIsProblemProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("Rationale is empty"), vm.messageProperty().get());
        assertTrue(plan.decisions().isEmpty());

        vm.rationaleProperty().set("signups failing under load");
        vm.recordDecision();
        assertEquals("Decision recorded: " + Quadrant.STABILITY_FIRST.label() + ". It is in the timeline.",
                vm.messageProperty().get());
        assertEquals(1, vm.snapshotProperty().get().decisions().size());
        assertEquals("", vm.rationaleProperty().get(), "the form is ready for the next call");
    }

    @Test
    void aThresholdThatIsNotANumberIsRefusedAndAGoodOneChangesTheMatrix() {
        vm.refresh();
        vm.thresholdProperty().set("many");
        vm.applyThreshold();
        assertEquals("High-growth threshold \"many\" is not a number.", vm.messageProperty().get());

        vm.thresholdProperty().set("800");
        vm.applyThreshold();
        assertEquals(800, vm.snapshotProperty().get().matrix().highGrowthPerHour());
        vm.stabilityProperty().set("9");
        vm.growthProperty().set("850");
        assertEquals(Quadrant.SHIP_GROWTH, vm.resultProperty().get(), "850/hour is high growth now");
    }

    @Test
    void readinessRefusesADateItCannotReadAndSavesAGoodAssessment() {
        vm.refresh();
        vm.dateProperty().set("last tuesday");
        vm.saveReadiness();
        assertEquals("Assessment date \"last tuesday\" is not a date like 2026-11-23.", vm.messageProperty().get());
        assertTrue(plan.readiness().isEmpty());

        vm.dateProperty().set("2026-11-23");
        vm.currentProperty().set("1,000");
        vm.testedProperty().set("10000");
        vm.targetProperty().set("100000");
        vm.bottleneckProperty().set("Database connections");
        vm.actionProperty().set("Add read replicas");
        vm.saveReadiness();
        assertFalse(vm.messageIsProblemProperty().get(), vm.messageProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("Readiness for 2026-11-23 saved: tested 10 % of target"),
                vm.messageProperty().get());
        assertEquals(1, vm.snapshotProperty().get().readiness().size());
    }

    @Test
    void onlyAHandSetKeyResultOpensItsFormAndItsAnswerIsStored() {
        vm.refresh();
        PlanService.KeyResultState live = vm.snapshotProperty().get().keyResults().stream()
                .filter(k -> k.keyResult().live()).findFirst().orElseThrow();
        vm.editKeyResult(live);
        assertEquals(0, dialogs.keyResultForms, "a live key result follows its metric, not a form");

        PlanService.KeyResultState manual = vm.snapshotProperty().get().keyResults().stream()
                .filter(k -> !k.keyResult().live()).findFirst().orElseThrow();
        dialogs.keyResults.add(new KeyResultForm(OkrStatus.AT_RISK, "configured, not yet tested"));
        vm.editKeyResult(manual);

        assertEquals(1, dialogs.keyResultForms);
        assertEquals("Key result set to " + OkrStatus.AT_RISK.label() + ".", vm.messageProperty().get());
        PlanService.KeyResultState after = vm.snapshotProperty().get().keyResults().stream()
                .filter(k -> k.keyResult().id().equals(manual.keyResult().id())).findFirst().orElseThrow();
        assertEquals(OkrStatus.AT_RISK, after.status());
        assertEquals("configured, not yet tested", after.manual().note());
    }

    @Test
    void aReadOnlyDatabaseRefusesEveryChange() {
        vm.refresh();
        vm.setReadOnly(true);
        vm.toggle("scaling-sign-off", item("scaling-sign-off", "plan-reviewed"), true);
        assertEquals("The database is open read-only; nothing can be changed in this window.",
                vm.messageProperty().get());
        vm.rationaleProperty().set("why");
        vm.stabilityProperty().set("3");
        vm.growthProperty().set("100");
        vm.recordDecision();
        assertNull(list("scaling-sign-off").ticks().get("plan-reviewed"));
        assertTrue(plan.decisions().isEmpty());
    }

    private static final class ScriptedDialogs extends NoDialogs {
        final Deque<String> names = new ArrayDeque<>();
        final Deque<KeyResultForm> keyResults = new ArrayDeque<>();
        Function<String, String> textValidator;
        int keyResultForms;

        @Override
        public Optional<String> askText(String title, String message, String prompt, String confirmLabel,
                                        Function<String, String> validator) {
            textValidator = validator;
            String next = names.poll();
            return next == null || validator.apply(next) != null ? Optional.empty() : Optional.of(next);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> Optional<T> ask(Form<T> form) {
            if (form instanceof KeyResultDialog d) {
                keyResultForms++;
                KeyResultForm next = keyResults.poll();
                return (Optional<T>) (next == null || d.problemWith(next) != null ? Optional.empty()
                        : Optional.of(next));
            }
            return super.ask(form);
        }
    }
}
