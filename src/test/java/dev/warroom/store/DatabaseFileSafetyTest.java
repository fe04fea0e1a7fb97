package dev.warroom.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.domain.Card;
import dev.warroom.domain.CardKind;
import dev.warroom.domain.Column;
import dev.warroom.domain.EventKind;
import dev.warroom.domain.Priority;
import dev.warroom.domain.TimelineEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files War Room only diagnoses or reads stay byte-identical (checked by SHA-256), a damaged file is refused and
 * never re-initialised, and an upgrade is preceded by a backup copy.
 */
class DatabaseFileSafetyTest {
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    @TempDir
    Path dir;

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private Set<String> filesIn(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    /** A War Room database with a few hundred cards and events, closed cleanly. */
    private Path warRoomDatabase(String name) {
        Path file = dir.resolve(name + Database.FILE_SUFFIX);
        try (Database db = Database.open(file)) {
            for (int batch = 0; batch < 20; batch++) {
                int b = batch;
                db.write(tx -> {
                    for (int i = 0; i < 20; i++) {
                        Card c = tx.insertCard(new Card(0, "Card " + b + "/" + i, "d".repeat(400), CardKind.SCALING,
                                Priority.HIGH, "", null, "", Column.BACKLOG, b * 20 + i, T0, T0, T0, null, 0));
                        tx.append(TimelineEvent.of(T0, "t", EventKind.CARD_CREATED, "card:" + c.id(), "created",
                                null, "{}"));
                    }
                    return null;
                });
            }
        }
        return file;
    }

    @Test
    void aZeroLengthFileIsRefusedAndStaysEmpty() throws Exception {
        Path file = dir.resolve("empty.mv.db");
        Files.createFile(file);
        for (Path asGiven : List.of(file, dir.resolve("empty"))) {
            DatabaseOpenException e = assertThrows(DatabaseOpenException.class, () -> Database.open(asGiven));
            assertEquals(DatabaseOpenException.Problem.NOT_A_DATABASE, e.problem());
            assertTrue(e.getMessage().contains("empty (0 bytes)"), e.getMessage());
            assertThrows(DatabaseOpenException.class, () -> Database.openReadOnly(asGiven));
        }
        assertEquals(0, Files.size(file));
        assertEquals(Set.of("empty.mv.db"), filesIn(dir));
    }

    @Test
    void aPlainH2DatabaseThatIsNotOursStaysByteIdentical() throws Exception {
        Path base = dir.resolve("other");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + base + ";TRACE_LEVEL_FILE=0", "sa", "");
             Statement st = c.createStatement()) {
            st.executeUpdate("CREATE TABLE customer (id INT PRIMARY KEY, name VARCHAR(40))");
            st.executeUpdate("INSERT INTO customer VALUES (1, 'ACME')");
        }
        Path file = dir.resolve("other.mv.db");
        String before = sha256(file);
        DatabaseOpenException e = assertThrows(DatabaseOpenException.class, () -> Database.open(base));
        assertEquals(DatabaseOpenException.Problem.NOT_A_DATABASE, e.problem());
        assertTrue(e.getMessage().contains("not a War Room database"), e.getMessage());
        assertThrows(DatabaseOpenException.class, () -> Database.openReadOnly(base));
        assertEquals(before, sha256(file));
        assertEquals(Set.of("other.mv.db"), filesIn(dir), "no .trace.db or anything else beside it");
    }

    @Test
    void anotherToolsFlywayHistoryIsNotMistakenForANewerWarRoom() throws Exception {
        Path base = dir.resolve("tool");
        Path migrations = Files.createDirectories(dir.resolve("tool-migrations"));
        Files.writeString(migrations.resolve("V1__create_users.sql"), "CREATE TABLE users (id INT PRIMARY KEY);");
        Files.writeString(migrations.resolve("V2__add_email.sql"), "ALTER TABLE users ADD COLUMN email VARCHAR(80);");
        Files.writeString(migrations.resolve("V7__orders.sql"), "CREATE TABLE orders (id INT PRIMARY KEY);");
        Flyway.configure().dataSource("jdbc:h2:file:" + base, "sa", "")
                .locations("filesystem:" + migrations).load().migrate();
        Path file = dir.resolve("tool.mv.db");
        String before = sha256(file);
        DatabaseOpenException e = assertThrows(DatabaseOpenException.class, () -> Database.open(base));
        assertEquals(DatabaseOpenException.Problem.NOT_A_DATABASE, e.problem());
        assertTrue(e.getMessage().contains("not a War Room database"), e.getMessage());
        assertFalse(e.getMessage().contains("newer"), e.getMessage());
        assertEquals(before, sha256(file));
    }

    @Test
    void aNewerSchemaOpensReadOnlyAndStaysByteIdentical() throws Exception {
        Path file = warRoomDatabase("newer");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("newer") + ";TRACE_LEVEL_FILE=0", "sa", "");
             Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", "
                    + "\"description\", \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", "
                    + "\"success\") VALUES (999, '999', 'from the future', 'SQL', 'V999__f.sql', 1, 'sa', 1, TRUE)");
        }
        String before = sha256(file);
        try (Database db = Database.open(file)) {
            assertTrue(db.readOnly());
            assertTrue(db.readOnlyReason().contains("newer War Room"), db.readOnlyReason());
            assertEquals(400, db.read(Tx::cards).size());
            assertThrows(ReadOnlyException.class, () -> db.write(tx -> tx.eventCount()));
        }
        assertEquals(before, sha256(file));
        assertEquals(Set.of("newer.mv.db"), filesIn(dir));
    }

    @Test
    void openingOnlyToReadLeavesAHealthyDatabaseByteIdentical() throws Exception {
        Path file = warRoomDatabase("report");
        String before = sha256(file);
        try (Database db = Database.openReadOnly(file)) {
            assertTrue(db.readOnly());
            assertEquals(400, db.read(Tx::eventCount));
        }
        assertEquals(before, sha256(file));
        assertEquals(Set.of("report.mv.db"), filesIn(dir));
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 10, 30, 50, 90})
    void aFileCutShortIsRefusedAndLeftAsItWas(int percent) throws Exception {
        Path whole = warRoomDatabase("whole");
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.createDirectories(dir.resolve("cut")).resolve("cut.mv.db");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length * percent / 100));
        String before = sha256(cut);

        DatabaseOpenException e = assertThrows(DatabaseOpenException.class, () -> Database.open(cut));
        assertEquals(DatabaseOpenException.Problem.DAMAGED, e.problem(), e.getMessage());
        assertTrue(e.getMessage().contains("is damaged"), e.getMessage());
        assertTrue(e.getMessage().contains("--recover"), e.getMessage());
        assertFalse(e.getMessage().contains("org.h2"), e.getMessage());
        assertThrows(DatabaseOpenException.class, () -> Database.openReadOnly(cut));
        assertEquals(before, sha256(cut));
        assertEquals(Set.of("cut.mv.db"), filesIn(cut.getParent()), "no .trace.db, no new database");
    }

    @Test
    void aFlippedBitInTheNewestChunkIsRefusedAndLeftAsItWas() throws Exception {
        Path whole = warRoomDatabase("whole");
        byte[] bytes = Files.readAllBytes(whole);
        StoreFile.Header header = StoreFile.header(java.util.Arrays.copyOf(bytes, 2 * StoreFile.BLOCK));
        assertNotNull(header);
        String text = new String(bytes, 0, StoreFile.BLOCK, java.nio.charset.StandardCharsets.ISO_8859_1);
        long block = Long.parseLong(text.replaceAll("(?s).*\\bblock:([0-9a-f]+),.*", "$1"), 16);
        int at = (int) (block * StoreFile.BLOCK) + 10; // inside the newest chunk's own header
        bytes[at] ^= 0x04;
        Path flipped = Files.createDirectories(dir.resolve("flip")).resolve("flip.mv.db");
        Files.write(flipped, bytes);
        String before = sha256(flipped);

        DatabaseOpenException e = assertThrows(DatabaseOpenException.class, () -> Database.open(flipped));
        assertEquals(DatabaseOpenException.Problem.DAMAGED, e.problem(), e.getMessage());
        assertEquals(before, sha256(flipped));
        assertEquals(Set.of("flip.mv.db"), filesIn(flipped.getParent()));
    }

    private Path flippedCopy() throws Exception {
        Path whole = warRoomDatabase("whole");
        try (Database db = Database.open(whole)) { // a second session: its change is the newest chunk, the rest is older
            db.write(tx -> tx.append(TimelineEvent.of(T0, "t", EventKind.NOTE, "crisis", "one more", null, "{}")));
        }
        byte[] bytes = Files.readAllBytes(whole);
        String text = new String(bytes, 0, StoreFile.BLOCK, java.nio.charset.StandardCharsets.ISO_8859_1);
        long block = Long.parseLong(text.replaceAll("(?s).*\\bblock:([0-9a-f]+),.*", "$1"), 16);
        bytes[(int) (block * StoreFile.BLOCK) + 2] ^= 0x04; // "chunk:" becomes "chqnk:": the newest chunk has no header
        Path flipped = Files.createDirectories(dir.resolve("flip")).resolve("flip.mv.db");
        Files.write(flipped, bytes);
        return flipped;
    }

    @Test
    void whatIsReadableIsRecoveredIntoANewFileAndTheDamagedOneIsKept() throws Exception {
        Path flipped = flippedCopy();
        String before = sha256(flipped);
        DatabaseRecovery.Recovered r = DatabaseRecovery.recover(flipped);
        assertEquals(flipped.getParent(), r.file().getParent());
        assertTrue(r.file().getFileName().toString().startsWith("flip.recovered-"), r.file().toString());
        assertTrue(r.cards() > 0 && r.events() > 0, r.toString());
        assertTrue(r.describe(flipped).contains("left as it was"), r.describe(flipped));
        assertEquals(before, sha256(flipped), "the damaged file is kept byte for byte");
        assertEquals(Set.of(flipped.getFileName().toString(), r.file().getFileName().toString()),
                filesIn(flipped.getParent()), "only the damaged file and the recovered one, no repair leftovers");
        try (Database db = Database.open(r.file())) {
            assertFalse(db.readOnly());
            assertEquals(r.cards(), db.read(Tx::cards).size());
            db.write(tx -> tx.eventCount());
        }
    }

    /**
     * H2's repair tool reads every block that starts with "c" as a possible chunk header. Inside a damaged chunk a
     * block can start with text that only looks like one: here, a row of H2's own chunk list that crosses a block
     * edge (how CI met it) and a chunk header whose chunk has no matching end. Neither may stop the recovery.
     */
    @Test
    void blocksThatOnlyLookLikeChunkStartsDoNotStopTheRecovery() throws Exception {
        Path flipped = flippedCopy();
        byte[] bytes = Files.readAllBytes(flipped);
        String text = new String(bytes, 0, StoreFile.BLOCK, java.nio.charset.StandardCharsets.ISO_8859_1);
        int block = Integer.parseInt(text.replaceAll("(?s).*\\bblock:([0-9a-f]+),.*", "$1"), 16);
        String chunk = new String(bytes, block * StoreFile.BLOCK, 200, java.nio.charset.StandardCharsets.ISO_8859_1);
        int len = Integer.parseInt(chunk.replaceAll("(?s).*\\blen:([0-9a-f]+),.*", "$1"), 16);
        assertTrue(len >= 3, "the damaged chunk spans blocks to plant in: " + chunk);
        byte[] listRow = "chunk:7b,block:4e,len:2,version:7b,toc:f87,occupancy:05\u0001\u000c1f0000f307c7\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        System.arraycopy(listRow, 0, bytes, (block + len - 1) * StoreFile.BLOCK, listRow.length);
        byte[] noEnd = "chunk:7d,len:1,pages:1,max:40,map:47,root:0,time:f0,version:7d,next:0,toc:10\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        System.arraycopy(noEnd, 0, bytes, (block + 1) * StoreFile.BLOCK, noEnd.length);
        Files.write(flipped, bytes);
        String before = sha256(flipped);

        DatabaseRecovery.Recovered r = DatabaseRecovery.recover(flipped);
        assertEquals(400, r.cards(), r.toString());
        assertEquals(before, sha256(flipped), "the damaged file is kept byte for byte");
        try (Database db = Database.open(r.file())) {
            assertEquals(400, db.read(Tx::cards).size());
        }
    }

    @Test
    void aFileWithNothingCompleteLeftSaysSoAndKeepsEverythingAsItWas() throws Exception {
        Path whole = warRoomDatabase("whole");
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.createDirectories(dir.resolve("cut")).resolve("cut.mv.db");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length * 30 / 100));
        String before = sha256(cut);
        DatabaseOpenException e = assertThrows(DatabaseOpenException.class, () -> DatabaseRecovery.recover(cut));
        assertTrue(e.getMessage().contains("Nothing could be recovered"), e.getMessage());
        assertTrue(e.getMessage().contains("left as it was"), e.getMessage());
        assertEquals(before, sha256(cut));
        assertEquals(Set.of("cut.mv.db"), filesIn(cut.getParent()), "no half-made copy left behind");
    }

    @Test
    void anOlderSchemaIsBackedUpBeforeItIsMigrated() throws Exception {
        Path base = dir.resolve("old");
        Flyway.configure().dataSource("jdbc:h2:file:" + base, "sa", "").locations(Dialect.H2.migrations())
                .target("3").load().migrate();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + base + ";TRACE_LEVEL_FILE=0", "sa", "");
             Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO setting (name, val) VALUES ('kept', 'yes')");
        }
        Path file = dir.resolve("old.mv.db");
        String before = sha256(file);
        Path backup;
        try (Database db = Database.open(base)) {
            assertFalse(db.readOnly());
            backup = db.migrationBackup();
            assertNotNull(backup, "an upgrade makes a backup");
            assertEquals(dir, backup.getParent(), "beside the database");
            assertTrue(backup.getFileName().toString().startsWith("old.schema-3-backup-"), backup.toString());
            assertEquals("yes", db.read(tx -> tx.setting("kept")).orElseThrow());
        }
        assertEquals(before, sha256(backup), "the backup is the database as it was before the upgrade");
        try (Database db = Database.open(base)) {
            assertNull(db.migrationBackup(), "nothing to upgrade the second time, so no second copy");
        }
        assertEquals(2, filesIn(dir).size(), filesIn(dir).toString());
    }

    @Test
    void aFileWithoutWritePermissionOpensReadOnlyWithItsReason() throws Exception {
        Path file = warRoomDatabase("locked-down");
        makeUnwritable(file);
        try {
            String before = sha256(file);
            try (Database db = Database.open(file)) {
                assertTrue(db.readOnly());
                assertTrue(db.readOnlyReason().contains("no write permission"), db.readOnlyReason());
                assertEquals(400, db.read(Tx::cards).size());
                ReadOnlyException e = assertThrows(ReadOnlyException.class, () -> db.write(Tx::eventCount));
                assertTrue(e.getMessage().contains("read-only"), e.getMessage());
                assertFalse(e.getMessage().contains("SQL"), e.getMessage());
            }
            assertEquals(before, sha256(file));
        } finally {
            makeWritable(file);
        }
    }

    /** chmod is not enough for root, so the immutable attribute is used where chmod does not take. */
    private static void makeUnwritable(Path file) throws Exception {
        file.toFile().setWritable(false, false);
        if (Files.isWritable(file)) {
            run("chattr", "+i", file.toString());
        }
        Assumptions.assumeFalse(Files.isWritable(file), "this machine cannot make a file read-only");
    }

    private static void makeWritable(Path file) throws Exception {
        if (!Files.isWritable(file)) {
            try {
                run("chattr", "-i", file.toString());
            } catch (IOException ignored) {
                // not root: chmod below is enough
            }
        }
        file.toFile().setWritable(true, false);
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        p.waitFor();
    }
}
