package dev.warroom.ui.debt;

import dev.warroom.crisis.DebtService;
import dev.warroom.domain.InvalidInputException;
import dev.warroom.domain.debt.CleanupPlan;
import dev.warroom.domain.debt.DebtDraft;
import dev.warroom.domain.debt.DebtEntry;
import dev.warroom.domain.debt.DebtStatus;
import dev.warroom.ui.ChangeRunner;
import dev.warroom.ui.DialogService;
import dev.warroom.ui.Feedback;
import dev.warroom.ui.TaskRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** State and actions of the Debt view: the log, the selected entry, the cleanup plan, exports. */
public final class DebtViewModel {
    private final DebtService service;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ZoneId zone;
    private final ObservableList<DebtEntry> entries = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<DebtService.DebtLog> log = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<DebtEntry> selected = new SimpleObjectProperty<>();
    private final Feedback feedback = new Feedback();
    private final ChangeRunner<DebtService.DebtLog> changes;
    private final Map<DebtStatus, ReadOnlyBooleanWrapper> mayBecome = new EnumMap<>(DebtStatus.class);
    private final ReadOnlyBooleanWrapper mayEdit = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper mayPromote = new ReadOnlyBooleanWrapper(false);

    public DebtViewModel(DebtService service, TaskRunner tasks, DialogService dialogs, ZoneId zone) {
        this.service = service;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.zone = zone;
        this.changes = new ChangeRunner<>(tasks, feedback, service::log, this::show);
        for (DebtStatus s : DebtStatus.values()) {
            mayBecome.put(s, new ReadOnlyBooleanWrapper(false));
        }
        selected.addListener(x -> decideActions());
    }

    public ObservableList<DebtEntry> entries() {
        return FXCollections.unmodifiableObservableList(entries);
    }

    public ReadOnlyObjectProperty<DebtService.DebtLog> logProperty() {
        return log.getReadOnlyProperty();
    }

    public ObjectProperty<DebtEntry> selectedProperty() {
        return selected;
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

    /** Whether the selected entry may be set to {@code status} ({@link DebtStatus#mayBecome}). */
    public ReadOnlyBooleanProperty mayBecomeProperty(DebtStatus status) {
        return mayBecome.get(status).getReadOnlyProperty();
    }

    /** Whether an entry is selected to edit. */
    public ReadOnlyBooleanProperty mayEditProperty() {
        return mayEdit.getReadOnlyProperty();
    }

    /** Whether the selected entry can still become a board card (it has none yet). */
    public ReadOnlyBooleanProperty mayPromoteProperty() {
        return mayPromote.getReadOnlyProperty();
    }

    public boolean overdue(DebtEntry e) {
        return log.get() != null && log.get().overdue(e);
    }

    public Optional<CleanupPlan> plan() {
        return Optional.ofNullable(log.get()).map(DebtService.DebtLog::plan);
    }

    // actions

    public void refresh() {
        changes.refresh();
    }

    public void add() {
        if (refuseWhenReadOnly()) {
            return;
        }
        dialogs.ask(new DebtDialog(DebtForm.blank(), true, DebtViewModel::problemWith)).ifPresent(f -> {
            DebtDraft d = draft(f);
            background(() -> service.create(d), e -> say("Logged \"" + e.title() + "\" for week " + e.fixWeek() + "."));
        });
    }

    public void edit() {
        DebtEntry e = selected.get();
        if (e == null || refuseWhenReadOnly()) {
            return;
        }
        dialogs.ask(new DebtDialog(DebtForm.of(e), false, DebtViewModel::problemWith)).ifPresent(f -> {
            DebtDraft d = draft(f);
            background(() -> service.edit(e.id(), e.version(), d), s -> say("Saved \"" + s.title() + "\"."));
        });
    }

    public void setStatus(DebtStatus status) {
        DebtEntry e = selected.get();
        if (e == null || refuseWhenReadOnly()) {
            return;
        }
        background(() -> service.setStatus(e.id(), e.version(), status),
                s -> say("\"" + s.title() + "\" is now " + s.status().label().toLowerCase() + "."));
    }

    /** Turns {@code entry} (or the selected one) into a BACKLOG card. */
    public void promote(DebtEntry entry) {
        DebtEntry e = entry != null ? entry : selected.get();
        if (e == null || refuseWhenReadOnly()) {
            return;
        }
        background(() -> service.promote(e.id(), e.version()),
                s -> say("\"" + s.title() + "\" is on the board as backlog card #" + s.cardId() + "."));
    }

    public void export(boolean markdown) {
        String ext = markdown ? "md" : "csv";
        dialogs.chooseExportFile("Export scale debt", "scale-debt." + ext, ext).ifPresent(path ->
                tasks.run(() -> Files.exists(path), exists -> {
                    if (exists && !dialogs.confirm("Replace " + path.getFileName() + "?", path
                            + " already exists. Replace it with the current debt log?", "Replace")) {
                        return;
                    }
                    tasks.run(() -> {
                        String text = markdown ? service.markdown(zone) : service.csv(zone);
                        Files.write(path, dev.warroom.domain.PlainText.wellFormed(text)
                                .getBytes(StandardCharsets.UTF_8));
                        return path;
                    }, p -> say("Exported the debt log to " + p + "."), err -> problem("Could not export to " + path
                            + ": " + describe(err)));
                }, err -> problem("Cannot look at " + path + ": " + describe(err))));
    }

    // plumbing

    static String problemWith(DebtForm f) {
        try {
            draft(f);
            return null;
        } catch (InvalidInputException e) {
            return e.getMessage();
        }
    }

    private static DebtDraft draft(DebtForm f) {
        return DebtDraft.of(f.area(), f.shortcut(), f.reason(), f.owner(), f.week(), f.status());
    }

    private boolean refuseWhenReadOnly() {
        return changes.refusedAsReadOnly();
    }

    private <T> void background(Callable<T> work, Consumer<? super T> onDone) {
        changes.change(work, onDone);
    }

    private void show(DebtService.DebtLog l) {
        Long keep = selected.get() == null ? null : selected.get().id();
        log.set(l);
        entries.setAll(l.entries());
        selected.set(keep == null ? null : l.entries().stream().filter(x -> x.id() == keep).findFirst()
                .orElse(null));
        decideActions();
    }

    private void decideActions() {
        DebtEntry e = selected.get();
        mayEdit.set(e != null);
        mayPromote.set(e != null && e.cardId() == null);
        mayBecome.forEach((status, may) -> may.set(e != null && e.status().mayBecome(status)));
    }

    private static String describe(Throwable e) {
        return ChangeRunner.describe(e);
    }

    private void say(String text) {
        feedback.say(text);
    }

    private void problem(String text) {
        feedback.problem(text);
    }

    List<DebtEntry> snapshot() {
        return List.copyOf(entries);
    }
}
