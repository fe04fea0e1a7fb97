package dev.warroom.ui.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.crisis.CrisisService;
import dev.warroom.domain.CrisisRole;
import dev.warroom.store.Database;
import dev.warroom.testing.MutableClock;
import dev.warroom.testing.NoDialogs;
import dev.warroom.ui.Form;
import dev.warroom.ui.TaskRunner;
import dev.warroom.ui.WarRoomState;
import java.nio.file.Files;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The crisis view's state without a screen: it shows the shared active crisis, assigns roles, ends it. */
class CrisisViewModelTest {
    private Database db;
    private MutableClock clock;
    private CrisisService crises;
    private WarRoomState state;
    private CrisisViewModel vm;
    private String holder;
    private boolean confirm;
    private java.util.List<String> offered;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(Files.createTempDirectory("warroom-crisis-vm").resolve("crisis"));
        clock = MutableClock.at("2026-11-23T10:00:00Z");
        crises = new CrisisService(db, clock, "tester");
        state = new WarRoomState(crises::activeOverview, TaskRunner.immediate());
        NoDialogs dialogs = new NoDialogs() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> Optional<T> ask(Form<T> form) {
                if (form instanceof RoleHolderDialog d) {
                    offered = d.handles();
                }
                if (form instanceof RoleHolderDialog d && holder != null && d.problemWith(holder) == null) {
                    return Optional.of((T) holder);
                }
                return Optional.empty();
            }

            @Override
            public boolean confirm(String title, String message, String confirmLabel) {
                return confirm;
            }
        };
        vm = new CrisisViewModel(crises, state, TaskRunner.immediate(), dialogs, ZoneOffset.UTC);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aCrisisStartedElsewhereShowsHereAtOnce() {
        vm.refresh();
        assertNull(vm.activeProperty().get());
        assertNull(vm.phase());
        crises.start("Launch surge", clock.instant().minus(Duration.ofHours(2)));
        state.reloadCrisis();
        assertNotNull(vm.activeProperty().get(), "the view follows the shared state, not its own copy");
        vm.nowProperty().set(clock.instant());
        assertNotNull(vm.phase());
        assertTrue(vm.phaseCountdown().startsWith("Next phase in"), vm.phaseCountdown());
    }

    @Test
    void assignsARoleAndPublishesTheNewHolder() {
        crises.start("Launch surge", clock.instant());
        vm.refresh();
        CrisisRole role = vm.roles().get(0);
        holder = "alice";
        vm.assign(role);
        assertEquals(Optional.of("alice"), state.crisisProperty().get().holder(role));
        assertEquals(Optional.of("alice"), vm.holder(role));
    }

    @Test
    void declaringStableEndsTheCrisisForEveryView() {
        crises.start("Launch surge", clock.instant());
        vm.refresh();
        clock.advance(Duration.ofHours(30));
        vm.nowProperty().set(clock.instant());
        confirm = true;
        vm.declareStable();
        assertNull(state.crisisProperty().get());
        assertEquals(1, vm.history().size());
        assertTrue(vm.messageProperty().get().contains("declared stable"), vm.messageProperty().get());
    }

    @Test
    void theRoleFieldOffersThePeopleWarRoomHasSeen() {
        crises.start("Launch surge", null, clock.instant(), "alice");
        new dev.warroom.crisis.BoardService(db, clock, "bob", dev.warroom.domain.BoardPolicy.defaults())
                .create(dev.warroom.domain.CardDraft.of("Scale the DB", "", null, null, "@carol", "", "",
                        clock.instant(), ZoneOffset.UTC), dev.warroom.domain.Column.BACKLOG);
        vm.refresh();
        vm.assign(vm.roles().get(1));
        assertEquals(java.util.List.of("alice", "bob", "carol", "tester"), offered,
                "the commander, a card's assignee and who acted in the record; not War Room itself");
        assertEquals(java.util.List.of("@alice"), dev.warroom.ui.HandleCompletion.matches(offered, "@al"));
        assertEquals(java.util.List.of("@bob"), dev.warroom.ui.HandleCompletion.matches(offered, "B"));
        assertEquals(java.util.List.of(), dev.warroom.ui.HandleCompletion.matches(offered, "alice"),
                "nothing to complete once the name is whole");
        assertEquals(java.util.List.of(), dev.warroom.ui.HandleCompletion.matches(offered, " "));
    }
}
