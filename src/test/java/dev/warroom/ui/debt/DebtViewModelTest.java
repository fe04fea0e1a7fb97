package dev.warroom.ui.debt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.crisis.CrisisService;
import dev.warroom.crisis.DebtService;
import dev.warroom.domain.Column;
import dev.warroom.domain.debt.DebtDraft;
import dev.warroom.domain.debt.DebtEntry;
import dev.warroom.domain.debt.DebtStatus;
import dev.warroom.store.Database;
import dev.warroom.testing.MutableClock;
import dev.warroom.testing.NoDialogs;
import dev.warroom.ui.Form;
import dev.warroom.ui.TaskRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Debt view's view model without any JavaFX toolkit: synchronous runner, scripted dialogs. */
class DebtViewModelTest {
    @TempDir
    Path dir;
    private Database db;
    private MutableClock clock;
    private DebtService service;
    private ScriptedDialogs dialogs;
    private DebtViewModel vm;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("debt"));
        clock = MutableClock.at("2026-11-23T10:00:00Z");
        service = new DebtService(db, clock, "tester");
        dialogs = new ScriptedDialogs();
        vm = new DebtViewModel(service, TaskRunner.immediate(), dialogs, ZoneOffset.UTC);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private DebtEntry logged(String area, String shortcut, String week) {
        return service.create(DebtDraft.of(area, shortcut, "no time", "alice", week, null));
    }

    private DebtEntry entry(long id) {
        return vm.entries().stream().filter(e -> e.id() == id).findFirst().orElseThrow();
    }

    @Test
    void loadsTheLogAndItsCleanupPlan() {
        logged("Database", "Pool size hard-coded", "1");
        logged("Cache", "TTL raised to 1 h", "3");
        assertTrue(vm.entries().isEmpty(), "nothing is read before the view asks");

        vm.refresh();

        assertEquals(2, vm.entries().size());
        assertTrue(vm.plan().isPresent());
        assertEquals(1, vm.plan().get().weeks().get(0).entries().size());
        assertEquals(1, vm.plan().get().weeks().get(2).entries().size());
        assertNull(vm.plan().get().cleanupStart(), "no crisis, no dates");
        assertFalse(vm.overdue(vm.entries().get(0)));
    }

    @Test
    void logsAnEntryFromTheFormAndSaysSo() {
        dialogs.forms.add(new DebtForm("Queue", "Retries turned off", "storm of retries", "bob", "2",
                DebtStatus.OPEN));

        vm.add();

        assertEquals(1, vm.entries().size());
        DebtEntry e = vm.entries().get(0);
        assertEquals("Queue: Retries turned off", e.title());
        assertEquals(2, e.fixWeek());
        assertEquals("Logged \"Queue: Retries turned off\" for week 2.", vm.messageProperty().get());
        assertFalse(vm.messageIsProblemProperty().get());
        assertEquals(1, service.log().entries().size(), "it is in the database, not only on screen");
    }

    @Test
    void theFormValidatorNamesWhatIsWrongAndNothingIsSaved() {
        dialogs.forms.add(new DebtForm("Queue", "Retries turned off", "", "bob", "9", DebtStatus.OPEN));
        vm.add();

        assertEquals("Fix-by week 9 is outside the cleanup plan; pick week 1 to 4 after the crisis.",
                dialogs.validator.apply(new DebtForm("Queue", "x", "", "bob", "9", DebtStatus.OPEN)));
        assertTrue(dialogs.validator.apply(new DebtForm("Queue", "x", "", "bob", "soon", DebtStatus.OPEN))
                .startsWith("Fix-by week \"soon\" is not a number"));
        assertNull(dialogs.validator.apply(new DebtForm("Queue", "x", "", "bob", "4", DebtStatus.OPEN)));
        assertTrue(vm.entries().isEmpty());
        assertTrue(service.log().entries().isEmpty());
    }

    @Test
    void theActionsOnOfferFollowTheSelectedEntrysStatus() {
        long id = logged("Database", "Pool size hard-coded", "1").id();
        vm.refresh();
        assertFalse(vm.mayEditProperty().get(), "nothing selected, nothing to do");
        assertFalse(vm.mayBecomeProperty(DebtStatus.FIXED).get());

        vm.selectedProperty().set(entry(id));
        assertTrue(vm.mayEditProperty().get());
        assertTrue(vm.mayBecomeProperty(DebtStatus.IN_PROGRESS).get());
        assertTrue(vm.mayBecomeProperty(DebtStatus.FIXED).get());
        assertTrue(vm.mayBecomeProperty(DebtStatus.ACCEPTED).get());
        assertFalse(vm.mayBecomeProperty(DebtStatus.OPEN).get(), "open debt is not reopened");

        vm.setStatus(DebtStatus.FIXED);

        assertEquals("\"Database: Pool size hard-coded\" is now fixed.", vm.messageProperty().get());
        assertEquals(DebtStatus.FIXED, vm.selectedProperty().get().status(), "the selection follows the change");
        assertTrue(vm.mayBecomeProperty(DebtStatus.OPEN).get());
        assertFalse(vm.mayBecomeProperty(DebtStatus.IN_PROGRESS).get(), "work does not start on fixed debt");
        assertFalse(vm.mayBecomeProperty(DebtStatus.FIXED).get());
        assertTrue(vm.mayBecomeProperty(DebtStatus.ACCEPTED).get());
    }

    @Test
    void aStatusTheRuleDoesNotAllowIsRefusedWithAPlainMessage() {
        long id = logged("Database", "Pool size hard-coded", "1").id();
        vm.refresh();
        vm.selectedProperty().set(entry(id));
        vm.setStatus(DebtStatus.FIXED);

        vm.setStatus(DebtStatus.IN_PROGRESS);

        assertTrue(vm.messageIsProblemProperty().get());
        assertEquals("\"Database: Pool size hard-coded\" is fixed; it cannot be set to in progress.",
                vm.messageProperty().get());
        assertEquals(DebtStatus.FIXED, service.log().entries().get(0).status());
    }

    @Test
    void anEntryBecomesABacklogCardOnce() {
        long id = logged("Database", "Pool size hard-coded", "1").id();
        vm.refresh();
        vm.selectedProperty().set(entry(id));
        assertTrue(vm.mayPromoteProperty().get());

        vm.promote(null);

        Long card = entry(id).cardId();
        assertNotNull(card);
        assertEquals("\"Database: Pool size hard-coded\" is on the board as backlog card #" + card + ".",
                vm.messageProperty().get());
        assertFalse(vm.mayPromoteProperty().get(), "it has its card");
        assertEquals(Column.BACKLOG, db.read(tx -> tx.card(card)).orElseThrow().column());
    }

    @Test
    void debtPastItsWeekIsOverdueOnceTheCrisisDatesThePlan() {
        new CrisisService(db, clock, "tester").start("Launch surge", clock.instant());
        logged("Database", "Pool size hard-coded", "1");
        logged("Cache", "TTL raised to 1 h", "4");
        clock.advance(Duration.ofDays(3 + 8));

        vm.refresh();

        DebtEntry week1 = vm.entries().stream().filter(e -> e.fixWeek() == 1).findFirst().orElseThrow();
        DebtEntry week4 = vm.entries().stream().filter(e -> e.fixWeek() == 4).findFirst().orElseThrow();
        assertTrue(vm.overdue(week1));
        assertFalse(vm.overdue(week4));
        assertEquals(1, vm.plan().orElseThrow().overdueCount());
    }

    @Test
    void aReadOnlyDatabaseRefusesChangesBeforeAnyDialog() {
        long id = logged("Database", "Pool size hard-coded", "1").id();
        vm.refresh();
        vm.setReadOnly(true);
        dialogs.forms.add(new DebtForm("Queue", "Retries turned off", "", "bob", "2", DebtStatus.OPEN));

        vm.add();
        assertEquals("The database is open read-only; nothing can be changed in this window.",
                vm.messageProperty().get());
        assertEquals(1, dialogs.forms.size(), "no dialog was shown");

        vm.selectedProperty().set(entry(id));
        vm.setStatus(DebtStatus.FIXED);
        assertEquals(DebtStatus.OPEN, service.log().entries().get(0).status());
    }

    @Test
    void aDatabaseThatIsGoneIsReportedOnceNotRetriedForever() {
        db.close();

        vm.refresh();

        assertTrue(vm.messageIsProblemProperty().get());
        assertFalse(vm.messageProperty().get().isBlank());
        assertTrue(vm.entries().isEmpty());
    }

    @Test
    void exportsTheLogAsMarkdownAndAsksBeforeReplacingAFile() throws Exception {
        logged("Database", "Pool size hard-coded", "1");
        vm.refresh();
        Path file = dir.resolve("scale-debt.md");
        dialogs.exportTo = file;

        vm.export(true);

        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains("Pool size hard-coded"), text);
        assertEquals("Exported the debt log to " + file + ".", vm.messageProperty().get());

        Files.writeString(file, "keep me");
        vm.export(true);
        assertEquals("Replace scale-debt.md?", dialogs.lastConfirm);
        assertEquals("keep me", Files.readString(file), "declining the replacement leaves the file alone");
    }

    private static final class ScriptedDialogs extends NoDialogs {
        final Deque<DebtForm> forms = new ArrayDeque<>();
        Function<DebtForm, String> validator;
        Path exportTo;
        String lastConfirm;

        @Override
        @SuppressWarnings("unchecked")
        public <T> Optional<T> ask(Form<T> form) {
            if (form instanceof DebtDialog d) {
                validator = d::problemWith;
                DebtForm next = forms.poll();
                return (Optional<T>) (next == null || d.problemWith(next) != null ? Optional.empty()
                        : Optional.of(next));
            }
            return super.ask(form);
        }

        @Override
        public boolean confirm(String title, String message, String confirmLabel) {
            lastConfirm = title;
            return false;
        }

        @Override
        public Optional<Path> chooseExportFile(String title, String suggestedName, String extension) {
            return Optional.ofNullable(exportTo);
        }
    }
}
