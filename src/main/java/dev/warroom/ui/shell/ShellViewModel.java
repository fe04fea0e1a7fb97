package dev.warroom.ui.shell;

import dev.warroom.crisis.CrisisService;
import dev.warroom.crisis.DisplayPreferences;
import dev.warroom.domain.Crisis;
import dev.warroom.domain.CrisisOverview;
import dev.warroom.domain.CrisisStart;
import dev.warroom.domain.InvalidInputException;
import dev.warroom.ui.DialogService;
import dev.warroom.ui.TaskRunner;
import dev.warroom.ui.Theme;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Header and status line: the active crisis and its clock, theme, database location, read-only state. */
public final class ShellViewModel {
    private final CrisisService crises;
    private final DisplayPreferences preferences;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Clock clock;
    private final ZoneId zone;

    private final ObjectProperty<Instant> now = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Crisis> crisis = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper crisisName = new ReadOnlyStringWrapper("Reading the crisis…");
    private final ReadOnlyStringWrapper crisisClock = new ReadOnlyStringWrapper("T+--:--");
    private final ReadOnlyBooleanWrapper crisisActive = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper mayStartCrisis = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>(Theme.LIGHT);
    private final ReadOnlyStringWrapper databaseLocation = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper readOnlyBanner = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper present = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper team = new ReadOnlyBooleanWrapper(false);
    private final String location;
    private final String schemaReadOnly;
    private final dev.warroom.ui.WarRoomState state;
    private final ReadOnlyStringWrapper crisisPhase = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper commander = new ReadOnlyStringWrapper("");
    private final StringProperty dueBanner = new SimpleStringProperty("");
    private final StringProperty dueLevel = new SimpleStringProperty("");
    private final StringProperty dueNext = new SimpleStringProperty("");
    private Runnable openWall = () -> { };
    private Runnable toggleWall = () -> { };

    /** @param state the shared state whose active crisis the header follows */
    public ShellViewModel(CrisisService crises, dev.warroom.ui.WarRoomState state, DisplayPreferences preferences,
                          TaskRunner tasks, DialogService dialogs, Clock clock, ZoneId zone, String databaseFile,
                          String readOnlyReason) {
        this.crises = crises;
        this.state = state;
        this.preferences = preferences;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.clock = clock;
        this.zone = zone;
        location = databaseFile;
        schemaReadOnly = readOnlyReason == null ? "" : "Read-only: " + readOnlyReason;
        databaseLocation.set("Database: " + databaseFile);
        readOnlyBanner.set(schemaReadOnly);
        now.set(clock.instant());
        now.addListener((o, a, b) -> updateClock());
        crisis.addListener((o, a, b) -> {
            showCrisisName();
            updateClock();
        });
        state.crisisProperty().addListener((o, a, b) -> showOverview(b));
        state.crisisProblemProperty().addListener((o, a, problem) -> {
            if (!problem.isEmpty()) {
                status.set(problem);
            }
            showCrisisName();
        });
        state.crisisKnownProperty().addListener((o, a, b) -> showCrisisName());
        showOverview(state.crisisProperty().get());
        showCrisisName();
    }

    /**
     * The header's crisis: its name, "No active crisis" once it is known that none runs, and until then what is
     * true ("Reading the crisis…", or "Crisis not read yet" after a failed read, whose reason is in the status
     * line). A crisis can be started only when it is known that none runs.
     */
    private void showCrisisName() {
        Crisis c = crisis.get();
        boolean known = c != null || state.crisisKnownProperty().get();
        crisisName.set(c != null ? c.name() : !known ? (state.crisisProblemProperty().get().isEmpty()
                ? "Reading the crisis…" : "Crisis not read yet") : "No active crisis");
        crisisActive.set(c != null);
        mayStartCrisis.set(known && c == null);
    }

    private void showOverview(CrisisOverview b) {
        crisis.set(b == null ? null : b.crisis());
        commander.set(b == null ? "" : "Commander: " + b.commander().map(c -> "@" + c).orElse("unassigned"));
        updateClock();
    }

    /**
     * Team mode: the status line says whether the team database is connected, the read-only banner says since
     * when it is unreachable (edits are refused with that text meanwhile) and the header names who else is in
     * the war room. Follows the shared state, which the app context feeds from the team session.
     */
    public void followTeam() {
        team.set(true);
        state.unreachableProperty().addListener((o, a, b) -> showConnection(b));
        state.present().addListener((javafx.collections.ListChangeListener<String>) c -> showPresent());
        showConnection(state.unreachableProperty().get());
        showPresent();
    }

    private void showConnection(String unreachable) {
        boolean connected = unreachable == null || unreachable.isEmpty();
        String since = connected ? "" : unreachable.replaceFirst("^team database ", "").replaceFirst(" — .*$", "");
        databaseLocation.set("Database: " + location + (connected ? " · connected" : " · " + since + ", retrying"));
        readOnlyBanner.set(connected ? schemaReadOnly
                : unreachable + (schemaReadOnly.isEmpty() ? "" : " · " + schemaReadOnly));
    }

    private void showPresent() {
        java.util.List<String> others = state.present();
        present.set(others.isEmpty() ? "only you" : String.join(", ", others));
    }

    /** True on the team database: the header shows who else is present. */
    public ReadOnlyBooleanProperty teamProperty() {
        return team.getReadOnlyProperty();
    }

    /** Who else has the war room open ("bob, carol (wall on mini-pc)"; "only you"); empty on a local file. */
    public ReadOnlyStringProperty presentProperty() {
        return present.getReadOnlyProperty();
    }

    public ObjectProperty<Instant> nowProperty() {
        return now;
    }

    public ReadOnlyObjectProperty<Crisis> crisisProperty() {
        return crisis.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty crisisNameProperty() {
        return crisisName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty crisisClockProperty() {
        return crisisClock.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty crisisActiveProperty() {
        return crisisActive.getReadOnlyProperty();
    }

    /** True when it is known that no crisis runs, so one may be started. */
    public ReadOnlyBooleanProperty mayStartCrisisProperty() {
        return mayStartCrisis.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty databaseLocationProperty() {
        return databaseLocation.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty readOnlyBannerProperty() {
        return readOnlyBanner.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Advances the clock shown in the header; called once a second by the view. */
    public void tick() {
        now.set(clock.instant());
    }

    private void updateClock() {
        Crisis c = crisis.get();
        crisisClock.set(c == null ? "T+--:--" : c.clock(now.get()));
        CrisisOverview o = state.crisisProperty().get();
        crisisPhase.set(o == null || c == null ? "" : o.phase(now.get()).label());
    }

    /** Sets the theme chosen on the command line or remembered; the command line wins. */
    public void initialTheme(Optional<Theme> fromCommandLine) {
        if (fromCommandLine.isPresent()) {
            theme.set(fromCommandLine.get());
            return;
        }
        tasks.run(preferences::theme, saved -> saved.flatMap(Theme::parse).ifPresent(theme::set),
                e -> status.set("Could not read the saved theme: " + e.getMessage()));
    }

    public void toggleTheme() {
        Theme next = theme.get().other();
        theme.set(next);
        tasks.run(() -> {
            preferences.saveTheme(next.id());
            return null;
        }, x -> { }, e -> status.set("Theme not remembered: " + e.getMessage()));
    }

    /** Reads the active crisis again; every view follows the shared state it lands in. */
    public void refreshCrisis() {
        state.reloadCrisis();
    }

    /** True while the tiles show simulated data: the SIMULATED DATA band shows, and a crisis started is a drill. */
    public ReadOnlyBooleanProperty simulatedProperty() {
        return state.simulatedProperty();
    }

    /** What the SIMULATED DATA band under the header says. */
    public static final String SIMULATED_BAND = "SIMULATED DATA — these figures come from the built-in simulator, "
            + "not from your systems. A crisis started now is recorded as a drill.";

    /** Shows {@code text} in the status line (e.g. why a command could not run). */
    public void say(String text) {
        status.set(text);
    }

    /**
     * Why no crisis can be started now (the rule that hides *Start crisis…*), or empty when one can: a crisis
     * is already active, or the database is read-only.
     */
    public String whyNoStart() {
        if (!readOnlyBanner.get().isEmpty()) {
            return "the database is read-only";
        }
        return crisis.get() != null ? "\"" + crisis.get().name() + "\" is already active" : "";
    }

    /** Starts a crisis through its form; while the tiles show simulated data it is recorded as a drill. */
    public void startCrisis() {
        startCrisis(null);
    }

    /** Opens the start-crisis form with {@code severity} already chosen (null: not judged yet). */
    private void startCrisis(dev.warroom.domain.metric.ScaleSeverity severity) {
        if (!readOnlyBanner.get().isEmpty()) {
            dialogs.showError("Read-only database", readOnlyBanner.get());
            return;
        }
        dialogs.ask(new dev.warroom.ui.crisis.StartCrisisDialog(this::problemWith, severity)).ifPresent(input -> {
            Instant start = CrisisStart.parse(input.start(), clock.instant(), zone);
            boolean drill = state.simulatedProperty().get();
            tasks.run(() -> crises.start(input.name(), input.severity(), start, input.commander(), drill), c -> {
                state.publishCrisis(c);
                status.set((c.crisis().drill() ? "Drill" : "Crisis") + " \"" + c.crisis().name()
                        + "\" started; the clock counts from " + c.crisis().clock(now.get()) + "."
                        + (c.crisis().drill() ? " It was started from simulated data, so the record calls it a drill."
                        : ""));
            }, e -> dialogs.showError("Crisis not started", e.getMessage()));
        });
    }

    private final java.util.Set<String> offered = new java.util.HashSet<>();

    /**
     * Scale severity rose to SURGE or VIRAL: if no crisis is active, offer to start one (once per level).
     */
    public void offerCrisis(String level, String traffic) {
        if (!mayStartCrisis.get() || !readOnlyBanner.get().isEmpty() || !offered.add(level)) {
            return;
        }
        if (state.simulatedProperty().get()) {
            status.set(level + " in SIMULATED DATA: simulated traffic at " + traffic + " normal.");
            if (dialogs.confirm(level + " in simulated data", "SIMULATED DATA: the built-in simulator's traffic has "
                    + "been at " + traffic + " of normal long enough to call it " + level + ". These are not your "
                    + "systems' numbers. Start a drill now? It runs like a crisis and the record calls it a DRILL.",
                    "Start drill…")) {
                startCrisis(offered(level));
            }
            return;
        }
        status.set(level + " detected: traffic at " + traffic + " normal.");
        if (dialogs.confirm(level + " detected", "Traffic has been at " + traffic + " of normal long enough to call it "
                + level + ". No crisis is active. Start one now, so the clock, the board and the record run "
                + "from this moment?", "Start crisis…")) {
            startCrisis(offered(level));
        }
    }

    /** The severity an offer named ("SURGE"), for the form to open with; null when it is not one. */
    private static dev.warroom.domain.metric.ScaleSeverity offered(String level) {
        try {
            return dev.warroom.domain.metric.ScaleSeverity.valueOf(level);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    private String problemWith(dev.warroom.ui.crisis.CrisisForm input) {
        try {
            Crisis.validName(input.name());
            CrisisStart.parse(input.start(), clock.instant(), zone);
            if (input.commander() != null && !input.commander().isBlank()) {
                dev.warroom.domain.CrisisRole.validHolder(input.commander());
            }
            return null;
        } catch (InvalidInputException e) {
            return e.getMessage();
        }
    }

    // crisis lifecycle and comms

    public ReadOnlyObjectProperty<CrisisOverview> overviewProperty() {
        return state.crisisProperty();
    }

    /** "Hour 0–6 · Recognise and respond", or empty without a crisis. */
    public ReadOnlyStringProperty crisisPhaseProperty() {
        return crisisPhase.getReadOnlyProperty();
    }

    /** "Commander: @alice", or empty without a crisis. */
    public ReadOnlyStringProperty commanderProperty() {
        return commander.getReadOnlyProperty();
    }

    /** The due-message banner shown under the header in every view; empty hides it. */
    public StringProperty dueBannerProperty() {
        return dueBanner;
    }

    /** "due" or "overdue" while the banner shows. */
    /** The next message while nothing is due ("Next update: Status page at 12:30, in 1h 20m"), shown in the banner's slot. */
    public StringProperty dueNextProperty() {
        return dueNext;
    }

    public StringProperty dueLevelProperty() {
        return dueLevel;
    }

    /** How the header's "Wall display" button opens the wall and F11 opens or closes it (the app's wall). */
    public void setWall(Runnable openWall, Runnable toggleWall) {
        this.openWall = openWall;
        this.toggleWall = toggleWall;
    }

    /** Opens the full-screen wall display beside this window. */
    public void openWall() {
        openWall.run();
    }

    /** Opens the wall, or closes it when it is open (F11). */
    public void toggleWall() {
        toggleWall.run();
    }
}
