package dev.warroom.ui.plan;

import dev.warroom.crisis.ChecklistService;
import dev.warroom.crisis.PlanService;
import dev.warroom.domain.InvalidInputException;
import dev.warroom.domain.plan.ChecklistProgress;
import dev.warroom.domain.plan.ChecklistTemplate;
import dev.warroom.domain.plan.Decision;
import dev.warroom.domain.plan.DecisionInputs;
import dev.warroom.domain.plan.DecisionMatrix;
import dev.warroom.domain.plan.ManualKeyResult;
import dev.warroom.domain.plan.OkrStatus;
import dev.warroom.domain.plan.Quadrant;
import dev.warroom.domain.plan.ReadinessAssessment;
import dev.warroom.ui.ChangeRunner;
import dev.warroom.ui.DialogService;
import dev.warroom.ui.Feedback;
import dev.warroom.ui.TaskRunner;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/**
 * State and actions of the Plan view: checklists, crisis OKRs, the decision matrix with its history, and
 * readiness assessments. One snapshot is loaded in the background and replaced after every change.
 */
public final class PlanViewModel {
    /** Everything the view shows, loaded together. */
    public record Snapshot(List<ChecklistProgress> checklists, List<PlanService.KeyResultState> keyResults,
                           List<Decision> decisions, List<ReadinessAssessment> readiness, DecisionMatrix matrix,
                           PlanService.Suggestion suggestion) {
    }

    private final ChecklistService checklists;
    private final PlanService plan;
    private final DialogService dialogs;
    private final ZoneId zone;
    private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private final Feedback feedback = new Feedback();
    private final ChangeRunner<Snapshot> changes;

    // decision form
    private final StringProperty stability = new SimpleStringProperty("");
    private final StringProperty growth = new SimpleStringProperty("");
    private final StringProperty revenue = new SimpleStringProperty("0");
    private final StringProperty window = new SimpleStringProperty("14");
    private final StringProperty rationale = new SimpleStringProperty("");
    private final StringProperty threshold = new SimpleStringProperty("");
    private final ObjectProperty<Quadrant> chosen = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Quadrant> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper resultText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper reasoning = new ReadOnlyStringWrapper("");

    // readiness form
    private final StringProperty date = new SimpleStringProperty("");
    private final StringProperty current = new SimpleStringProperty("");
    private final StringProperty tested = new SimpleStringProperty("");
    private final StringProperty target = new SimpleStringProperty("");
    private final StringProperty bottleneck = new SimpleStringProperty("");
    private final StringProperty action = new SimpleStringProperty("");
    private final ObservableSet<String> checks = FXCollections.observableSet();

    public PlanViewModel(ChecklistService checklists, PlanService plan, TaskRunner tasks, DialogService dialogs,
                         ZoneId zone) {
        this.checklists = checklists;
        this.plan = plan;
        this.dialogs = dialogs;
        this.zone = zone;
        this.changes = new ChangeRunner<>(tasks, feedback, () -> new Snapshot(checklists.checklists(),
                plan.keyResults(), plan.decisions(), plan.readiness(), plan.matrix(), plan.suggestion()), this::show);
        date.set(LocalDate.ofInstant(plan.clock().instant(), zone).toString());
        for (StringProperty p : List.of(stability, growth, revenue, window)) {
            p.addListener(x -> assess());
        }
        snapshot.addListener(x -> assess());
        assess();
    }

    // state

    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return feedback.textProperty();
    }

    public ReadOnlyBooleanProperty messageIsProblemProperty() {
        return feedback.problemProperty();
    }

    public ZoneId zone() {
        return zone;
    }

    public void setReadOnly(boolean readOnly) {
        changes.setReadOnly(readOnly);
    }

    public StringProperty stabilityProperty() {
        return stability;
    }

    public StringProperty growthProperty() {
        return growth;
    }

    public StringProperty revenueProperty() {
        return revenue;
    }

    public StringProperty windowProperty() {
        return window;
    }

    public StringProperty rationaleProperty() {
        return rationale;
    }

    public StringProperty thresholdProperty() {
        return threshold;
    }

    /** The quadrant the commander records; null follows the matrix. */
    public ObjectProperty<Quadrant> chosenProperty() {
        return chosen;
    }

    public ReadOnlyObjectProperty<Quadrant> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultTextProperty() {
        return resultText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reasoningProperty() {
        return reasoning.getReadOnlyProperty();
    }

    public StringProperty dateProperty() {
        return date;
    }

    public StringProperty currentProperty() {
        return current;
    }

    public StringProperty testedProperty() {
        return tested;
    }

    public StringProperty targetProperty() {
        return target;
    }

    public StringProperty bottleneckProperty() {
        return bottleneck;
    }

    public StringProperty actionProperty() {
        return action;
    }

    public ObservableSet<String> checks() {
        return checks;
    }

    /** The matrix's answer for the inputs as typed, or the problem with them. */
    private void assess() {
        DecisionMatrix matrix = snapshot.get() == null ? DecisionMatrix.defaults() : snapshot.get().matrix();
        try {
            DecisionMatrix.Assessment a = matrix.assess(inputs());
            result.set(a.quadrant());
            resultText.set(a.quadrant().label());
            reasoning.set(a.reasoning());
        } catch (InvalidInputException e) {
            result.set(null);
            resultText.set("—");
            reasoning.set(e.getMessage());
        }
    }

    private DecisionInputs inputs() {
        return DecisionInputs.parse(stability.get(), growth.get(), revenue.get(), window.get());
    }

    // actions

    public void refresh() {
        changes.refresh();
    }

    /** Ticks or unticks; a sign-off asks for the name of the person signing. */
    public void toggle(String checklistId, ChecklistTemplate.Item item, boolean tick) {
        if (refuseWhenReadOnly()) {
            return;
        }
        if (!tick) {
            background(() -> {
                checklists.untick(checklistId, item.id());
                return null;
            }, x -> say("Unticked \"" + item.text() + "\"."));
            return;
        }
        String name = "";
        if (item.signOff()) {
            var typed = dialogs.askText("Sign off: " + item.text(), "Who signs off as " + item.text() + "? "
                    + "The name goes into the record with the time.", "Full name", "Sign off",
                    s -> s == null || s.isBlank() ? "Type the name of the person signing." : null);
            if (typed.isEmpty()) {
                snapshot.set(snapshot.get());
                refresh();
                return;
            }
            name = typed.get();
        }
        String signed = name;
        background(() -> checklists.tick(checklistId, item.id(), signed), t -> say(item.signOff()
                ? "Signed off for " + item.text() + " by " + t.signedName() + "." : "Ticked \"" + item.text() + "\"."));
    }

    public void editKeyResult(PlanService.KeyResultState state) {
        if (state.keyResult().live() || refuseWhenReadOnly()) {
            return;
        }
        ManualKeyResult m = state.manual();
        KeyResultForm initial = new KeyResultForm(m == null ? OkrStatus.ON_TRACK : m.status(), m == null ? "" : m.note());
        dialogs.ask(new KeyResultDialog(state.keyResult().text(), initial, f -> {
            try {
                ManualKeyResult.validNote(f.note());
                return f.status() == null ? "Pick a status." : null;
            } catch (InvalidInputException e) {
                return e.getMessage();
            }
        })).ifPresent(f -> background(() -> plan.setKeyResult(state.keyResult().id(), f.status(), f.note(),
                m == null ? -1 : m.version()), s -> say("Key result set to " + s.status().label() + ".")));
    }

    public void useSuggestion() {
        Snapshot s = snapshot.get();
        if (s == null) {
            return;
        }
        s.suggestion().stability().ifPresent(v -> stability.set(String.valueOf((int) v)));
        s.suggestion().growthPerHour().ifPresent(v -> growth.set(String.valueOf(Math.round(v))));
        say(s.suggestion().basis());
    }

    public void applyThreshold() {
        if (refuseWhenReadOnly()) {
            return;
        }
        String t = threshold.get();
        background(() -> plan.setHighGrowthThreshold(t), m -> say("High growth now starts at "
                + t.strip() + " users/h."));
    }

    public void recordDecision() {
        if (refuseWhenReadOnly()) {
            return;
        }
        DecisionInputs in;
        try {
            in = inputs();
            Decision.validRationale(rationale.get());
        } catch (InvalidInputException e) {
            problem(e.getMessage());
            return;
        }
        Quadrant pick = chosen.get();
        String why = rationale.get();
        Long seen = snapshot.get() == null ? null
                : snapshot.get().decisions().stream().mapToLong(Decision::id).max().orElse(0);
        background(() -> plan.recordDecision(in, pick, why, seen), d -> {
            rationale.set("");
            chosen.set(null);
            say("Decision recorded: " + d.chosen().label() + ". It is in the timeline.");
        });
    }

    public void saveReadiness() {
        if (refuseWhenReadOnly()) {
            return;
        }
        ReadinessAssessment a;
        try {
            LocalDate d;
            try {
                d = LocalDate.parse(date.get().strip());
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("date", "Assessment date \"" + date.get().strip()
                        + "\" is not a date like 2026-11-23.");
            }
            a = ReadinessAssessment.of(d, current.get(), tested.get(), target.get(), bottleneck.get(), action.get(),
                    checks);
        } catch (InvalidInputException e) {
            problem(e.getMessage());
            return;
        }
        background(() -> plan.saveReadiness(a), s -> say("Readiness for " + s.date() + " saved: tested "
                + s.testedPercent() + " % of target, " + s.checkSummary() + " checks."));
    }

    // plumbing

    private boolean refuseWhenReadOnly() {
        return changes.refusedAsReadOnly();
    }

    private <T> void background(Callable<T> work, Consumer<? super T> onDone) {
        changes.change(work, onDone);
    }

    private void show(Snapshot s) {
        if (threshold.get().isBlank() || snapshot.get() == null) {
            threshold.set(String.valueOf(Math.round(s.matrix().highGrowthPerHour())));
        }
        snapshot.set(s);
    }

    private void say(String text) {
        feedback.say(text);
    }

    private void problem(String text) {
        feedback.problem(text);
    }
}
