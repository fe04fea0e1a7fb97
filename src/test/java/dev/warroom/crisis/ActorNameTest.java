package dev.warroom.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.domain.InvalidInputException;
import dev.warroom.store.Database;
import dev.warroom.ui.TaskRunner;
import dev.warroom.ui.crisis.ActorViewModel;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The name events are recorded under is asked once, kept in the database, and checked. */
class ActorNameTest {
    @TempDir
    Path dir;

    @Test
    void aSavedNameSurvivesARestartAndTheConfiguredOneWins() {
        try (Database db = Database.open(dir.resolve("actor"))) {
            ActorName names = new ActorName(db);
            assertEquals(Optional.empty(), names.resolve(null), "nothing yet: the app must ask");
            assertEquals("alice", names.save("  @alice "));
            assertThrows(InvalidInputException.class, () -> names.save("   "));
            assertThrows(InvalidInputException.class, () -> names.save("a\nb"));
        }
        try (Database db = Database.open(dir.resolve("actor"))) {
            ActorName names = new ActorName(db);
            assertEquals(Optional.of("alice"), names.resolve(null));
            assertEquals(Optional.of("ops-laptop-2"), names.resolve("ops-laptop-2"), "the configuration wins");
        }
    }

    @Test
    void theViewModelAsksWhenNothingIsKnownAndSaysWhatIsWrong() {
        try (Database db = Database.open(dir.resolve("vm"))) {
            ActorViewModel vm = new ActorViewModel(new ActorName(db), new Actor("root"), TaskRunner.immediate(),
                    new dev.warroom.testing.NoDialogs(), null);
            vm.load();
            assertTrue(vm.needsAskingProperty().get());
            vm.save("");
            assertEquals("Your name or handle is empty; type the name the team knows you by, e.g. alice.",
                    vm.problemProperty().get());
            assertTrue(vm.needsAskingProperty().get());
            vm.save("@dana");
            assertEquals("dana", vm.nameProperty().get());
            assertFalse(vm.needsAskingProperty().get());
            assertEquals("", vm.problemProperty().get());

            ActorViewModel again = new ActorViewModel(new ActorName(db), new Actor("root"), TaskRunner.immediate(),
                    new dev.warroom.testing.NoDialogs(), null);
            again.load();
            assertFalse(again.needsAskingProperty().get());
            assertEquals("dana", again.nameProperty().get());
        }
    }
}
