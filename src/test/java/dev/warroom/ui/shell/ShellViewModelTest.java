package dev.warroom.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.crisis.CrisisService;
import dev.warroom.crisis.DisplayPreferences;
import dev.warroom.domain.metric.ScaleSeverity;
import dev.warroom.store.Database;
import dev.warroom.testing.MutableClock;
import dev.warroom.testing.NoDialogs;
import dev.warroom.ui.Form;
import dev.warroom.ui.TaskRunner;
import dev.warroom.ui.WarRoomState;
import dev.warroom.ui.crisis.CrisisForm;
import dev.warroom.ui.crisis.StartCrisisDialog;
import java.nio.file.Files;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The header without a screen: it follows the shared crisis and starts one through the crisis form. */
class ShellViewModelTest {
    private Database db;
    private MutableClock clock;
    private CrisisService crises;
    private WarRoomState state;
    private ShellViewModel vm;
    private CrisisForm answer;
    private String problem;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(Files.createTempDirectory("warroom-shell-vm").resolve("shell"));
        clock = MutableClock.at("2026-11-23T10:00:00Z");
        crises = new CrisisService(db, clock, "tester");
        state = new WarRoomState(crises::activeOverview, TaskRunner.immediate());
        NoDialogs dialogs = new NoDialogs() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> Optional<T> ask(Form<T> form) {
                if (form instanceof StartCrisisDialog d && answer != null) {
                    problem = d.problemWith(answer);
                    return problem == null ? Optional.of((T) answer) : Optional.empty();
                }
                return Optional.empty();
            }
        };
        vm = new ShellViewModel(crises, state, new DisplayPreferences(db), TaskRunner.immediate(), dialogs, clock,
                ZoneOffset.UTC, db.file().toString(), null);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theHeaderFollowsTheSharedCrisis() {
        state.reloadCrisis();
        assertEquals("No active crisis", vm.crisisNameProperty().get());
        assertFalse(vm.crisisActiveProperty().get());
        assertTrue(vm.mayStartCrisisProperty().get());
        crises.start("Launch surge", clock.instant().minus(Duration.ofMinutes(90)));
        state.reloadCrisis();
        assertEquals("Launch surge", vm.crisisNameProperty().get());
        assertTrue(vm.crisisActiveProperty().get());
        assertEquals("T+01:30", vm.crisisClockProperty().get());
        assertEquals("Commander: unassigned", vm.commanderProperty().get());
        clock.advance(Duration.ofMinutes(15));
        vm.tick();
        assertEquals("T+01:45", vm.crisisClockProperty().get());
        state.publishCrisis(null);
        assertEquals("No active crisis", vm.crisisNameProperty().get());
        assertEquals("T+--:--", vm.crisisClockProperty().get());
    }

    /**
     * A crisis that could not be read (team database cut off at start) is not "no crisis": the header says it
     * is not known yet and offers no "Start crisis…", which would start a second crisis beside the real one.
     */
    @Test
    void aCrisisThatCouldNotBeReadIsNotShownAsNoCrisis() {
        boolean[] reachable = {false};
        WarRoomState cutOff = new WarRoomState(() -> {
            if (!reachable[0]) {
                throw new IllegalStateException("team database unreachable since 10:00 — retrying");
            }
            return crises.activeOverview();
        }, TaskRunner.immediate());
        ShellViewModel header = new ShellViewModel(crises, cutOff, new DisplayPreferences(db), TaskRunner.immediate(),
                new NoDialogs(), clock, ZoneOffset.UTC, db.file().toString(), null);
        assertEquals("Reading the crisis…", header.crisisNameProperty().get());
        assertFalse(header.mayStartCrisisProperty().get(), "nothing to start before the crisis is read");
        cutOff.reloadCrisis();
        assertEquals("Crisis not read yet", header.crisisNameProperty().get());
        assertFalse(header.mayStartCrisisProperty().get());
        assertTrue(header.statusProperty().get().contains("team database unreachable"),
                header.statusProperty().get());
        reachable[0] = true;
        cutOff.reloadCrisis();
        assertEquals("No active crisis", header.crisisNameProperty().get());
        assertTrue(header.mayStartCrisisProperty().get());
    }

    @Test
    void startsACrisisThroughTheFormAndPublishesIt() {
        answer = new CrisisForm("", ScaleSeverity.SURGE, "", "");
        vm.startCrisis();
        assertTrue(problem != null && !problem.isBlank(), "a nameless crisis is refused with a reason");
        assertTrue(state.crisisProperty().get() == null);

        answer = new CrisisForm("Signup surge", ScaleSeverity.SURGE, "30m ago", "alice");
        vm.startCrisis();
        assertEquals("Signup surge", state.crisisProperty().get().crisis().name());
        assertEquals("Commander: @alice", vm.commanderProperty().get());
        assertEquals("T+00:30", vm.crisisClockProperty().get());
        assertTrue(vm.statusProperty().get().contains("Signup surge"), vm.statusProperty().get());
    }

    @Test
    void aReadOnlyDatabaseStartsNothing() {
        ShellViewModel readOnly = new ShellViewModel(crises, state, new DisplayPreferences(db),
                TaskRunner.immediate(), new NoDialogs(), clock, ZoneOffset.UTC, "x", "schema 9 is newer");
        answer = new CrisisForm("Signup surge", null, "", "");
        readOnly.startCrisis();
        assertTrue(crises.activeOverview().isEmpty());
        assertEquals("Read-only: schema 9 is newer", readOnly.readOnlyBannerProperty().get());
    }

    @Test
    void whileTheTilesShowSimulatedDataTheOfferSaysSoAndTheCrisisIsADrill() {
        String[] offer = new String[1];
        NoDialogs dialogs = new NoDialogs() {
            @Override
            public boolean confirm(String title, String message, String confirmLabel) {
                offer[0] = title + " | " + message + " | " + confirmLabel;
                return true;
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> Optional<T> ask(Form<T> form) {
                return Optional.of((T) new CrisisForm("Signup surge", ScaleSeverity.SURGE, "", ""));
            }
        };
        ShellViewModel shell = new ShellViewModel(crises, state, new DisplayPreferences(db), TaskRunner.immediate(),
                dialogs, clock, ZoneOffset.UTC, db.file().toString(), null);
        javafx.beans.property.SimpleBooleanProperty simulated = new javafx.beans.property.SimpleBooleanProperty(true);
        state.followSimulated(simulated);
        assertTrue(shell.simulatedProperty().get());
        state.reloadCrisis(); // as the app does at start: known to have no crisis, so one may be offered

        shell.offerCrisis("SURGE", "12x");
        assertTrue(offer[0].contains("SIMULATED DATA") && offer[0].contains("DRILL"), offer[0]);
        assertTrue(offer[0].endsWith("Start drill…"), offer[0]);
        assertTrue(state.crisisProperty().get().crisis().drill(), "started from simulated data: a drill");
        assertTrue(shell.statusProperty().get().startsWith("Drill"), shell.statusProperty().get());
    }

    @Test
    void withRealDataTheCrisisIsReal() {
        answer = new CrisisForm("Signup surge", ScaleSeverity.SURGE, "", "");
        state.followSimulated(new javafx.beans.property.SimpleBooleanProperty(false));
        vm.startCrisis();
        assertFalse(state.crisisProperty().get().crisis().drill());
    }

    @Test
    void theFormOpenedFromASurgeOfferPresetsTheOfferedSeverity() {
        ScaleSeverity[] preset = {ScaleSeverity.NORMAL};
        NoDialogs dialogs = new NoDialogs() {
            @Override
            public boolean confirm(String title, String message, String confirmLabel) {
                return true;
            }

            @Override
            public <T> Optional<T> ask(Form<T> form) {
                if (form instanceof StartCrisisDialog d) {
                    preset[0] = d.preset();
                }
                return Optional.empty();
            }
        };
        ShellViewModel shell = new ShellViewModel(crises, state, new DisplayPreferences(db), TaskRunner.immediate(),
                dialogs, clock, ZoneOffset.UTC, db.file().toString(), null);
        state.followSimulated(new javafx.beans.property.SimpleBooleanProperty(false));
        state.reloadCrisis(); // as the app does at start: known to have no crisis, so one may be offered
        shell.offerCrisis("SURGE", "12x");
        assertEquals(ScaleSeverity.SURGE, preset[0], "the offered level, not \"Not judged yet\"");
        shell.startCrisis();
        assertEquals(null, preset[0], "started by hand: not judged yet");
    }
}
