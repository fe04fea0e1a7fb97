package dev.warroom.ui.crisis;

import dev.warroom.crisis.CrisisService;
import dev.warroom.domain.CrisisOverview;
import dev.warroom.domain.CrisisPhase;
import dev.warroom.domain.CrisisRole;
import dev.warroom.domain.InvalidInputException;
import dev.warroom.ui.DialogService;
import dev.warroom.ui.TaskRunner;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The crisis view: phase of the 72-hour plan with its priorities, the team's roles, and past crises. */
public final class CrisisViewModel {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CrisisService service;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ZoneId zone;
    private final dev.warroom.ui.WarRoomState state;
    private final ObjectProperty<Instant> now = new SimpleObjectProperty<>();
    private final ObservableList<CrisisOverview> history = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    /** Past crises with the active one, as last read. */
    private List<String> handles = List.of();

    private record Record(Optional<CrisisOverview> active, List<CrisisOverview> history, List<String> handles) {
    }

    /** @param state the shared state: the view shows its active crisis, and publishes changes to it */
    public CrisisViewModel(CrisisService service, dev.warroom.ui.WarRoomState state, TaskRunner tasks,
                           DialogService dialogs, ZoneId zone) {
        this.service = service;
        this.state = state;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.zone = zone;
        now.set(service.clock().instant());
    }

    /** The active crisis: the shared state's, so every view agrees on it. */
    public ReadOnlyObjectProperty<CrisisOverview> activeProperty() {
        return state.crisisProperty();
    }

    public ObjectProperty<Instant> nowProperty() {
        return now;
    }

    public ObservableList<CrisisOverview> history() {
        return history;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public List<CrisisRole> roles() {
        return service.roles();
    }

    public CrisisPhase phase() {
        CrisisOverview o = state.crisisProperty().get();
        return o == null ? null : o.phase(now.get());
    }

    /** "Next phase in 3h 20m" or "" in recovery or without a crisis. */
    public String phaseCountdown() {
        CrisisOverview o = state.crisisProperty().get();
        if (o == null) {
            return "";
        }
        CrisisPhase p = phase();
        return p.endsAfter().map(end -> {
            Duration left = Duration.between(now.get(), o.crisis().startedAt().plus(end));
            return "Next phase in " + dev.warroom.domain.Eta.describe(left.plusSeconds(59));
        }).orElse("Past 72 hours: recovery and clean-up");
    }

    public Optional<String> holder(CrisisRole role) {
        CrisisOverview o = state.crisisProperty().get();
        return o == null ? Optional.empty() : o.holder(role);
    }

    /** "2026-11-23 10:00 → 2026-11-24 17:20 · Stable after 31h 20m: within the 72 h target". */
    public String describe(CrisisOverview o) {
        String start = WHEN.format(o.crisis().startedAt().atZone(zone));
        String sev = o.severity() == null ? "" : " · " + o.severity().name();
        if (o.crisis().active()) {
            return o.crisis().name() + sev + "\n" + start + " → running, " + o.crisis().clock(now.get());
        }
        return o.crisis().name() + sev + "\n" + start + " → " + WHEN.format(o.crisis().endedAt().atZone(zone)) + " · "
                + CrisisOverview.recoveryVerdict(o.recoveryTime().orElseThrow())
                + o.commander().map(c -> " · commander " + c).orElse("");
    }

    /** Reads the active crisis (into the shared state) and the past crises again. */
    public void refresh() {
        tasks.run(() -> new Record(service.activeOverview(), service.history(), service.knownHandles()), r -> {
            handles = r.handles();
            state.publishCrisis(r.active().orElse(null));
            history.setAll(r.history());
        }, e -> message.set("Could not read the crisis: " + e.getMessage()));
    }

    public void assign(CrisisRole role) {
        if (state.crisisProperty().get() == null) {
            dialogs.showError("No active crisis", "Start a crisis before assigning its roles.");
            return;
        }
        String current = holder(role).orElse(null);
        dialogs.ask(new RoleHolderDialog(role.title(), current, this::holderProblem, handles)).ifPresent(who ->
                tasks.run(() -> service.assignRole(role.key(), who), o -> {
                    state.publishCrisis(o);
                    message.set(role.title() + ": " + o.holder(role).orElse(who) + ".");
                }, e -> dialogs.showError("Role not assigned", e.getMessage())));
    }

    private String holderProblem(String who) {
        try {
            CrisisRole.validHolder(who);
            return null;
        } catch (InvalidInputException e) {
            return e.getMessage();
        }
    }

    public void declareStable() {
        CrisisOverview o = state.crisisProperty().get();
        if (o == null) {
            return;
        }
        Duration took = Duration.between(o.crisis().startedAt(), now.get());
        if (!dialogs.confirm("End the crisis", "End \"" + o.crisis().name() + "\" now? "
                + CrisisOverview.recoveryVerdict(took) + ". The comms cadence stops and the crisis moves to the record.",
                "Declare stable")) {
            return;
        }
        tasks.run(service::declareStable, ended -> {
            message.set("\"" + ended.crisis().name() + "\" declared stable. "
                    + CrisisOverview.recoveryVerdict(ended.recoveryTime().orElseThrow()) + ".");
            refresh();
        }, e -> dialogs.showError("Not ended", e.getMessage()));
    }
}
