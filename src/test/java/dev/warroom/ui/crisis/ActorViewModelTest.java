package dev.warroom.ui.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.config.ConfigLoader;
import dev.warroom.crisis.Actor;
import dev.warroom.crisis.ActorName;
import dev.warroom.crisis.timeline.TimelineService;
import dev.warroom.store.Database;
import dev.warroom.testing.MutableClock;
import dev.warroom.testing.NoDialogs;
import dev.warroom.ui.Form;
import dev.warroom.ui.TaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who is at the keyboard, without a screen: the first start asks (prefilled with the operating-system user), a
 * name given there or changed later is on every event written afterwards, and a saved name is not asked again.
 */
class ActorViewModelTest {
    @TempDir
    Path dir;

    private final List<String> asked = new ArrayList<>();
    private String answer;

    private final NoDialogs dialogs = new NoDialogs() {
        @Override
        @SuppressWarnings("unchecked")
        public <T> Optional<T> ask(Form<T> form) {
            if (form instanceof ActorNameDialog d) {
                asked.add(d.initial());
                if (answer != null && d.problemWith(answer) == null) {
                    return Optional.of((T) answer);
                }
            }
            return Optional.empty();
        }
    };

    @Test
    void theFirstStartAsksAndEveryLaterEventCarriesTheNameGiven() {
        try (Database db = Database.open(dir.resolve("first"))) {
            Actor actor = new Actor("root");
            MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
            TimelineService timeline = new TimelineService(db, clock, actor, ConfigLoader.load(null).initialPolicy());
            ActorViewModel vm = new ActorViewModel(new ActorName(db), actor, TaskRunner.immediate(), dialogs, null);
            assertEquals("root", timeline.addNote("before anyone said who they are", null).actor());

            answer = "@alice";
            vm.loadAndAskIfUnknown();
            assertEquals(List.of("root"), asked, "asked once, prefilled with the operating-system user");
            assertEquals("alice", vm.nameProperty().get());
            assertFalse(vm.needsAskingProperty().get());
            assertEquals("alice", timeline.addNote("first decision", null).actor());

            answer = "bob";
            vm.change();
            assertEquals("alice", asked.get(1), "Change… starts from the name in use");
            assertEquals("bob", timeline.addNote("handed over the keyboard", null).actor(),
                    "the next event carries the changed name");

            answer = "  ";
            vm.change();
            assertEquals("bob", vm.nameProperty().get(), "an empty name is refused in the dialog, the old one stays");
        }
        try (Database db = Database.open(dir.resolve("first"))) {
            Actor actor = new Actor("root");
            ActorViewModel again = new ActorViewModel(new ActorName(db), actor, TaskRunner.immediate(), dialogs, null);
            asked.clear();
            again.loadAndAskIfUnknown();
            assertTrue(asked.isEmpty(), "a saved name is not asked again");
            assertEquals("bob", actor.get());
        }
    }

    @Test
    void backingOffTheFirstStartPromptKeepsTheOperatingSystemUserAndAsksAgainNextTime() {
        try (Database db = Database.open(dir.resolve("backoff"))) {
            Actor actor = new Actor("root");
            ActorViewModel vm = new ActorViewModel(new ActorName(db), actor, TaskRunner.immediate(), dialogs, null);
            answer = null;
            vm.loadAndAskIfUnknown();
            assertEquals(1, asked.size());
            assertEquals("root", actor.get());
            assertTrue(vm.needsAskingProperty().get());
        }
    }
}
