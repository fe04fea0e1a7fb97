package dev.warroom.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.domain.BoardPolicy;
import dev.warroom.domain.Card;
import dev.warroom.domain.CardKind;
import dev.warroom.domain.Column;
import dev.warroom.domain.Crisis;
import dev.warroom.domain.EventKind;
import dev.warroom.domain.Priority;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.domain.WipOverride;
import dev.warroom.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    @TempDir
    Path dir;

    private Path dbPath() {
        return dir.resolve("warroom");
    }

    private static Card newCard(String title, Column column, int position) {
        return new Card(0, title, "why it matters", CardKind.SCALING, Priority.CRITICAL, "alice",
                T0.plus(Duration.ofHours(4)), "Testing", column, position, T0, T0.plusSeconds(60), T0.plusSeconds(60),
                null, 0);
    }

    /** Plain JDBC on the file, for doing what War Room never does (only while no Database has it open). */
    private Connection raw() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dbPath().toAbsolutePath(), "sa", "");
    }

    private List<String> rawRows(String sql) throws SQLException {
        try (Connection c = raw(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    sb.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(sb.toString());
            }
            return rows;
        }
    }

    @Test
    void everythingSurvivesCloseAndReopen() {
        BoardPolicy policy = BoardPolicy.defaults().withWipLimit(Column.IN_PROGRESS, 2).withWipLimit(Column.REVIEW, 3)
                .withSla(Column.REVIEW, Duration.ofMinutes(45));
        WipOverride override = new WipOverride(Column.IN_PROGRESS, "CEO escalation", "alice", T0.plusSeconds(5));
        List<Card> written;
        List<TimelineEvent> events;
        try (Database db = Database.open(dbPath())) {
            assertFalse(db.readOnly());
            assertEquals(dbPath().resolveSibling("warroom.mv.db").toAbsolutePath(), db.file());
            written = db.write(tx -> {
                Card a = tx.insertCard(newCard("Scale the DB", Column.IN_PROGRESS, 0));
                Card b = tx.insertCard(newCard("CDN", Column.REVIEW, 0).withPausedFrom(Column.BACKLOG));
                Card c = tx.insertCard(new Card(0, "Minimal", null, CardKind.FEATURE, Priority.MEDIUM, null, null,
                        null, Column.PAUSED, 0, T0, null, null, Column.IN_PROGRESS, 0));
                a = tx.updateCard(a.movedTo(Column.IN_PROGRESS, 0, T0.plusSeconds(120)));
                tx.savePolicy(policy);
                tx.saveOverride(override);
                tx.setSlaBreachRecorded(b.id(), true);
                tx.insertCrisis(new Crisis(0, "Signup surge", T0, null, 0));
                tx.saveSetting("ui.theme", "dark");
                return List.of(a, b, c);
            });
            events = db.write(tx -> List.of(
                    tx.append(TimelineEvent.of(T0, "alice", EventKind.CARD_CREATED, "card:1", "created", null,
                            "{\"a\":1}")),
                    tx.append(TimelineEvent.of(T0.plusSeconds(1), "bob", EventKind.WIP_OVERRIDE, "column:IN_PROGRESS",
                            "overridden: ünïcödé ✓", "{}", "{\"b\":2}"))));
        }

        try (Database db = Database.open(dbPath().resolveSibling("warroom.mv.db"))) {
            assertFalse(db.readOnly());
            db.read(tx -> {
                assertEquals(written.stream().sorted(java.util.Comparator.comparingLong(Card::id)).toList(),
                        tx.cards().stream().sorted(java.util.Comparator.comparingLong(Card::id)).toList());
                assertEquals(1, written.get(0).version());
                assertEquals(policy, tx.policy(BoardPolicy.defaults()));
                assertEquals(Map.of(Column.IN_PROGRESS, override), tx.overrides());
                assertTrue(tx.slaBreachRecorded(written.get(1).id()));
                assertFalse(tx.slaBreachRecorded(written.get(0).id()));
                assertEquals("Signup surge", tx.activeCrisis().orElseThrow().name());
                assertEquals(T0, tx.activeCrisis().orElseThrow().startedAt());
                assertEquals("dark", tx.setting("ui.theme").orElseThrow());
                assertEquals(events, tx.timeline(T0, T0.plusSeconds(10), 100));
                assertEquals(2, tx.eventCount());
                assertEquals(List.of(events.get(1), events.get(0)), tx.latestEvents(5));
                return null;
            });
        }
    }

    @Test
    void newDatabaseUsesTheFallbackPolicyUntilOneIsSaved() {
        try (Database db = Database.open(dbPath())) {
            BoardPolicy fallback = BoardPolicy.defaults().withWipLimit(Column.IN_PROGRESS, 5);
            assertEquals(fallback, db.read(tx -> tx.policy(fallback)));
            BoardPolicy none = BoardPolicy.defaults().withWipLimit(Column.IN_PROGRESS, null).withSla(Column.REVIEW, null);
            db.write(tx -> {
                tx.savePolicy(none);
                return null;
            });
            assertEquals(none, db.read(tx -> tx.policy(fallback)), "a saved 'no limits' policy is not the fallback");
        }
    }

    @Test
    void staleUpdateIsRefusedAndTheRowIsUnchanged() {
        try (Database db = Database.open(dbPath())) {
            Card v0 = db.write(tx -> tx.insertCard(newCard("DB", Column.BACKLOG, 0)));
            Card v1 = db.write(tx -> tx.updateCard(v0.movedTo(Column.IN_PROGRESS, 0, T0.plusSeconds(10))));
            assertEquals(1, v1.version());

            Card staleEdit = new Card(v0.id(), "Someone else's title", "", CardKind.SCALING, Priority.MEDIUM, "",
                    null, "", Column.DONE, 0, T0, T0, T0, null, 0);
            StaleUpdateException e = assertThrows(StaleUpdateException.class,
                    () -> db.write(tx -> tx.updateCard(staleEdit)));
            assertTrue(e.getMessage().contains("version 1"), e.getMessage());
            assertThrows(StaleUpdateException.class, () -> db.write(tx -> {
                tx.markDeleted(v0, true);
                return null;
            }));
            assertEquals(v1, db.read(tx -> tx.card(v0.id())).orElseThrow());
        }
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() {
        try (Database db = Database.open(dbPath())) {
            Card v0 = db.write(tx -> tx.insertCard(newCard("DB", Column.BACKLOG, 0)));
            db.write(tx -> tx.updateCard(v0.withPosition(3)));
            assertThrows(StaleUpdateException.class, () -> db.write(tx -> {
                tx.append(TimelineEvent.of(T0, "a", EventKind.CARD_MOVED, "card:1", "moved", null, null));
                tx.insertCard(newCard("half-written", Column.BACKLOG, 1));
                return tx.updateCard(v0);
            }));
            assertEquals(0, db.read(Tx::eventCount));
            assertEquals(List.of("DB"), db.read(tx -> tx.cards().stream().map(Card::title).toList()));
        }
    }

    @Test
    void deletedCardsDisappearFromTheBoardButCanBeFound() {
        try (Database db = Database.open(dbPath())) {
            Card c = db.write(tx -> tx.insertCard(newCard("DB", Column.BACKLOG, 0)));
            db.write(tx -> {
                tx.markDeleted(c, true);
                return null;
            });
            assertTrue(db.read(Tx::cards).isEmpty());
            assertTrue(db.read(tx -> tx.card(c.id())).isEmpty());
            assertEquals(1, db.read(tx -> tx.deletedCard(c.id())).orElseThrow().version());
            assertThrows(StaleUpdateException.class, () -> db.write(tx -> tx.updateCard(c.withVersion(1))),
                    "a deleted card cannot be edited");
        }
    }

    @Test
    void newerSchemaOpensReadOnlyAndChangesNothing() throws Exception {
        Card card;
        try (Database db = Database.open(dbPath())) {
            card = db.write(tx -> tx.insertCard(newCard("DB", Column.IN_PROGRESS, 0)));
        }
        try (Connection c = raw(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", "
                    + "\"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") "
                    + "VALUES (999, '999', 'from the future', 'SQL', 'V999__from_the_future.sql', 12345, 'sa', 1, TRUE)");
        }
        List<String> cardsBefore = rawRows("SELECT * FROM card ORDER BY id");
        List<String> historyBefore = rawRows("SELECT * FROM \"flyway_schema_history\" ORDER BY 1");

        try (Database db = Database.open(dbPath())) {
            assertTrue(db.readOnly());
            assertTrue(db.readOnlyReason().contains("newer"), db.readOnlyReason());
            assertTrue(db.readOnlyReason().contains("999"), db.readOnlyReason());
            assertEquals(List.of(card), db.read(Tx::cards));
            ReadOnlyException e = assertThrows(ReadOnlyException.class,
                    () -> db.write(tx -> tx.insertCard(newCard("new", Column.BACKLOG, 0))));
            assertTrue(e.getMessage().contains("read-only"), e.getMessage());
            assertTrue(e.getMessage().contains("newer"), e.getMessage());
        }
        assertEquals(cardsBefore, rawRows("SELECT * FROM card ORDER BY id"));
        assertEquals(historyBefore, rawRows("SELECT * FROM \"flyway_schema_history\" ORDER BY 1"));
    }

    @Test
    void aFileThatIsNotH2IsRefusedAndLeftUntouched() throws Exception {
        Path file = dir.resolve("x.mv.db");
        byte[] garbage = new byte[8192];
        new Random(42).nextBytes(garbage);
        Files.write(file, garbage);

        for (Path asGiven : List.of(file, dir.resolve("x"))) {
            DatabaseOpenException e = assertThrows(DatabaseOpenException.class, () -> Database.open(asGiven));
            assertEquals(DatabaseOpenException.Problem.NOT_A_DATABASE, e.problem());
            assertTrue(e.getMessage().contains("not an H2 database"), e.getMessage());
            assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
            assertEquals(file.toAbsolutePath(), e.file());
        }
        assertArrayEquals(garbage, Files.readAllBytes(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no lock or trace files left behind");
        }
    }

    @Test
    void aTextFileIsRefusedToo() throws Exception {
        Path file = dir.resolve("notes.mv.db");
        Files.writeString(file, "{\"board\": 1}\n");
        DatabaseOpenException e = assertThrows(DatabaseOpenException.class, () -> Database.open(file));
        assertEquals(DatabaseOpenException.Problem.NOT_A_DATABASE, e.problem());
        assertEquals("{\"board\": 1}\n", Files.readString(file));
    }

    @Test
    void anH2DatabaseThatIsNotOursIsRefusedAndLeftUntouched() throws Exception {
        try (Connection c = raw(); Statement st = c.createStatement()) {
            st.executeUpdate("CREATE TABLE customer (id INT PRIMARY KEY, name VARCHAR(40))");
            st.executeUpdate("INSERT INTO customer VALUES (1, 'ACME')");
        }
        DatabaseOpenException e = assertThrows(DatabaseOpenException.class, () -> Database.open(dbPath()));
        assertEquals(DatabaseOpenException.Problem.NOT_A_DATABASE, e.problem());
        assertTrue(e.getMessage().contains("not a War Room database"), e.getMessage());
        assertTrue(e.getMessage().contains("Nothing was changed"), e.getMessage());

        assertEquals(List.of("1|ACME"), rawRows("SELECT * FROM customer"));
        assertEquals(List.of("CUSTOMER"), rawRows("SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = 'PUBLIC'"), "no War Room or Flyway tables were added");
    }

    @Test
    void aSecondProcessOnTheSameFileIsToldItIsLocked() throws Exception {
        try (Database db = Database.open(dbPath())) {
            db.write(tx -> tx.insertCard(newCard("kept", Column.BACKLOG, 0)));
        }
        Path file = dbPath().resolveSibling("warroom.mv.db");
        try (ChildJvm other = ChildJvm.start(HoldDatabase.class, dir.resolve("child.err"), dbPath().toString())) {
            other.awaitReady();

            DatabaseOpenException e = assertThrows(DatabaseOpenException.class, () -> Database.open(dbPath()));
            assertEquals(DatabaseOpenException.Problem.LOCKED, e.problem());
            assertTrue(e.getMessage().contains("already open in another War Room window"), e.getMessage());
            assertEquals(file.toAbsolutePath(), e.file());
        }
        try (Database db = Database.open(dbPath())) {
            assertEquals(List.of("kept"), db.read(tx -> tx.cards().stream().map(Card::title).toList()),
                    "once the other window closes, the file opens with its data");
        }
    }

    @Test
    void closingTwiceIsHarmless() {
        Database db = Database.open(dbPath());
        db.close();
        db.close();
        assertNull(Database.open(dbPath()).readOnlyReason());
    }

    /** A reader that saw the same mark has nothing new to read: only committed writes move it. */
    @Test
    void theLocalChangeMarkMovesWithEachCommittedWriteAndNothingElse() {
        try (Database db = Database.open(dbPath())) {
            long start = db.localChanges().orElseThrow();
            db.read(tx -> tx.setting("greeting"));
            assertEquals(start, db.localChanges().orElseThrow(), "a read changes nothing");
            db.write(tx -> {
                tx.saveSetting("greeting", "hello");
                return null;
            });
            assertEquals(start + 1, db.localChanges().orElseThrow(), "a committed write moves it");
            assertThrows(IllegalStateException.class, () -> db.write(tx -> {
                tx.saveSetting("greeting", "lost");
                throw new IllegalStateException("changed my mind");
            }));
            assertEquals(start + 1, db.localChanges().orElseThrow(), "a rolled-back write wrote nothing");
            assertEquals("hello", db.read(tx -> tx.setting("greeting")).orElseThrow());
        }
    }
}
