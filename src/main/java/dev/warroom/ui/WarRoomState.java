package dev.warroom.ui;

import dev.warroom.domain.Board;
import dev.warroom.domain.Crisis;
import dev.warroom.domain.CrisisOverview;
import dev.warroom.domain.comms.DueMessage;
import dev.warroom.domain.metric.IncidentSeverity;
import dev.warroom.domain.metric.ScaleSeverity;
import dev.warroom.domain.metric.SeverityStatus;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What every window and view of one War Room shares and follows: the active crisis, the board, the comms
 * schedule and the two severities. Whoever changes one of them publishes the new value here; views listen
 * while they are shown. Changes from other clients (team mode) arrive the same way.
 */
public final class WarRoomState {
    private final Callable<Optional<CrisisOverview>> activeCrisis;
    private volatile TaskRunner reads;
    private final ReadOnlyObjectWrapper<CrisisOverview> crisis = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<String> crisisProblem = new ReadOnlyObjectWrapper<>("");
    private final javafx.beans.property.ReadOnlyBooleanWrapper crisisKnown =
            new javafx.beans.property.ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Board> board = new ReadOnlyObjectWrapper<>(Board.empty());
    private final ObservableList<DueMessage> schedule = FXCollections.observableArrayList();
    private final javafx.beans.property.ReadOnlyStringWrapper undelivered = new javafx.beans.property.ReadOnlyStringWrapper("");
    private final ObservableList<DueMessage> scheduleView = FXCollections.unmodifiableObservableList(schedule);
    private final SeverityDisplay severity;
    private final javafx.beans.property.ReadOnlyBooleanWrapper simulated =
            new javafx.beans.property.ReadOnlyBooleanWrapper(false);
    private final javafx.beans.property.ReadOnlyStringWrapper unreachable = new javafx.beans.property.ReadOnlyStringWrapper("");
    private final ObservableList<String> present = FXCollections.observableArrayList();
    private final ObservableList<String> presentView = FXCollections.unmodifiableObservableList(present);
    private final javafx.beans.property.ReadOnlyStringWrapper recorder = new javafx.beans.property.ReadOnlyStringWrapper("");
    private final java.util.List<Runnable> othersChanged = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * @param activeCrisis reads the active crisis from the store (run through {@code reads})
     * @param reads        the runner for that read
     */
    public WarRoomState(Callable<Optional<CrisisOverview>> activeCrisis, TaskRunner reads) {
        this(activeCrisis, reads, java.time.Clock.systemUTC());
    }

    /** @param clock what "STALE since … ago" and "→ SURGE in 0:40" count from */
    public WarRoomState(Callable<Optional<CrisisOverview>> activeCrisis, TaskRunner reads, java.time.Clock clock) {
        this.activeCrisis = activeCrisis;
        this.reads = reads;
        severity = new SeverityDisplay(clock);
        simulated.addListener((o, a, b) -> severity.setSimulated(b));
    }

    /**
     * From now on the active crisis is read through {@code reads}: the main window's runner, which runs in line
     * while the window is built away from the FX thread, so the crisis it reads lands in the window being built and
     * not on the FX thread meanwhile.
     */
    public void readWith(TaskRunner reads) {
        this.reads = java.util.Objects.requireNonNull(reads, "reads");
    }

    /** The active crisis with its severity and role holders; null when none is running. */
    public ReadOnlyObjectProperty<CrisisOverview> crisisProperty() {
        return crisis.getReadOnlyProperty();
    }

    /** The active crisis itself, or null. */
    public Crisis activeCrisis() {
        return crisis.get() == null ? null : crisis.get().crisis();
    }

    /** Why the active crisis could not be read last time; empty when it could. */
    public ReadOnlyObjectProperty<String> crisisProblemProperty() {
        return crisisProblem.getReadOnlyProperty();
    }

    /**
     * True once the active crisis (or that there is none) has been read or published: until then a null
     * {@link #crisisProperty()} means "not known yet", not "no crisis".
     */
    public javafx.beans.property.ReadOnlyBooleanProperty crisisKnownProperty() {
        return crisisKnown.getReadOnlyProperty();
    }

    /** Reads the active crisis again (after anything that may have started, changed or ended it). */
    public void reloadCrisis() {
        reads.run(activeCrisis, c -> {
            crisisProblem.set("");
            crisis.set(c.orElse(null));
            crisisKnown.set(true);
        }, e -> crisisProblem.set("Could not read the active crisis: " + e.getMessage()));
    }

    /** A change just returned the crisis as it now is (null: none is active). */
    public void publishCrisis(CrisisOverview now) {
        crisis.set(now);
        crisisKnown.set(true);
    }

    public ReadOnlyObjectProperty<Board> boardProperty() {
        return board.getReadOnlyProperty();
    }

    public void publishBoard(Board now) {
        board.set(now);
    }

    /** The comms schedule (read-only here; the comms view model publishes it). */
    public ObservableList<DueMessage> schedule() {
        return scheduleView;
    }

    /** Public messages not yet delivered, in words ("" when all went out); the comms view model publishes it. */
    public javafx.beans.property.ReadOnlyStringProperty undeliveredProperty() {
        return undelivered.getReadOnlyProperty();
    }

    public void publishUndelivered(String now) {
        undelivered.set(now == null ? "" : now);
    }

    public void publishSchedule(List<DueMessage> now) {
        if (!schedule.equals(now)) {
            schedule.setAll(now);
        }
    }

    /** What every banner and the wall's band say about the two severities (one decision for all of them). */
    public SeverityDisplay severity() {
        return severity;
    }

    /** True while any tile shows simulated data: every view and the wall then say SIMULATED DATA. */
    public javafx.beans.property.ReadOnlyBooleanProperty simulatedProperty() {
        return simulated.getReadOnlyProperty();
    }

    /** Follows whether the tiles show simulated data (the dashboard view model's, in the app). */
    public void followSimulated(ObservableValue<Boolean> source) {
        simulated.bind(source);
    }

    /**
     * Follows the severities the metrics derive, with their data state and the change building up (the
     * dashboard view model's, in the app).
     */
    public void followSeverities(ObservableValue<SeverityStatus<ScaleSeverity>> scaleSource,
                                 ObservableValue<SeverityStatus<IncidentSeverity>> incidentSource) {
        scaleSource.addListener((o, a, b) -> severity.setScale(b));
        incidentSource.addListener((o, a, b) -> severity.setIncident(b));
        severity.setScale(scaleSource.getValue());
        severity.setIncident(incidentSource.getValue());
    }

    // team mode: what other clients do reaches every window through here (always on the FX thread)

    /**
     * Runs {@code reread} each time another client changed the shared database (team mode), after the active
     * crisis has been read again. The runnable starts reads; it must not wait for them. Running the returned
     * runnable stops it.
     */
    public Runnable onOthersChange(Runnable reread) {
        othersChanged.add(reread);
        return () -> othersChanged.remove(reread);
    }

    /** Another client committed a change (or a reconnect must catch up): everything shared is read again. */
    public void othersChanged() {
        reloadCrisis();
        othersChanged.forEach(Runnable::run);
    }

    /** "team database unreachable since 14:02 — read-only, retrying" while it is; empty while connected. */
    public javafx.beans.property.ReadOnlyStringProperty unreachableProperty() {
        return unreachable.getReadOnlyProperty();
    }

    public void publishUnreachable(String message) {
        unreachable.set(message == null ? "" : message);
    }

    /** Who else has the war room open ("bob", "wall on mini-pc"), oldest first; empty on a local file. */
    public ObservableList<String> present() {
        return presentView;
    }

    public void publishPresent(List<String> others) {
        if (!present.equals(others)) {
            present.setAll(others);
        }
    }

    /** Who polls the metric sources and records the samples ("alice on laptop-3"); empty on a local file. */
    public javafx.beans.property.ReadOnlyStringProperty recorderProperty() {
        return recorder.getReadOnlyProperty();
    }

    public void publishRecorder(String who) {
        recorder.set(who == null ? "" : who);
    }
}
