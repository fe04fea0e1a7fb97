package dev.warroom.crisis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.store.Database;
import dev.warroom.testing.HeadlessLauncher;
import dev.warroom.testing.HeadlessLauncher.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --report OUT --crisis ID} in a child JVM with no display: headless, no DISPLAY variable, and
 * JavaFX taken off the class path, so touching any JavaFX class would fail the run.
 */
class ReportCommandLineTest {
    @TempDir
    Path dir;
    private Path dbPath;
    private long crisisId;

    @BeforeEach
    void seed() {
        dbPath = dir.resolve("warroom");
        try (Database db = Database.open(dbPath)) {
            ScriptedCrisis script = new ScriptedCrisis();
            script.play(db);
            crisisId = script.crisisId;
        }
    }

    private Run launch(String... args) throws IOException, InterruptedException {
        return HeadlessLauncher.run(dir, Duration.ofSeconds(60), args);
    }

    @Test
    void writesBothFilesWithoutADisplayOrJavaFx() throws Exception {
        Path out = Files.createDirectories(dir.resolve("reports")).resolve("launch-day");
        Run r = launch("--db", dbPath.toString(), "--report", out.toString(), "--crisis", String.valueOf(crisisId));
        assertEquals(0, r.exit(), r.err());
        Path md = out.resolveSibling("launch-day.md");
        Path html = out.resolveSibling("launch-day.html");
        assertTrue(r.out().contains("Post-mortem of crisis " + crisisId + " written in"), r.out());
        assertTrue(r.out().contains(md.toString()) && r.out().contains(html.toString()), r.out());
        assertTrue(Files.readString(md).contains("## Timeline ("));
        assertTrue(Files.readString(html).contains("<svg class=\"chart\""));
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertEquals(List.of("launch-day.html", "launch-day.md"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void anExistingReportIsLeftAloneWithoutForceAndReplacedWithIt() throws Exception {
        Path out = dir.resolve("pm");
        Path md = dir.resolve("pm.md");
        Files.writeString(md, "the commander's own notes");
        byte[] before = Files.readAllBytes(md);
        Run refused = launch("--db", dbPath.toString(), "--report", out.toString(), "--crisis", String.valueOf(crisisId));
        assertEquals(3, refused.exit(), refused.err());
        assertTrue(refused.err().contains(md + " already exists; nothing was written. Add --force to replace"),
                refused.err());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(md)), "the existing file was changed");
        assertTrue(Files.notExists(dir.resolve("pm.html")), "half a report was written");

        Run forced = launch("--db", dbPath.toString(), "--report", out.toString(), "--crisis", String.valueOf(crisisId),
                "--force");
        assertEquals(0, forced.exit(), forced.err());
        assertTrue(Files.readString(md).contains("## Timeline ("));
        assertTrue(Files.exists(dir.resolve("pm.html")));
    }

    @Test
    void aCrisisThatDoesNotExistExitsOneAndSaysWhichThereAre() throws Exception {
        Run r = launch("--db", dbPath.toString(), "--report", dir.resolve("r").toString(), "--crisis", "42");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("warroom: There is no crisis 42. Crises in this database: " + crisisId), r.err());
        assertTrue(Files.notExists(dir.resolve("r.md")) && Files.notExists(dir.resolve("r.html")));
    }

    @Test
    void anUnwritablePlaceALockedDatabaseAndAMissingDatabaseExitOne() throws Exception {
        Path nowhere = dir.resolve("missing-folder").resolve("r");
        Run r = launch("--db", dbPath.toString(), "--report", nowhere.toString(), "--crisis", String.valueOf(crisisId));
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains(nowhere.getParent() + " does not exist"), r.err());

        try (Database held = Database.open(dbPath)) {
            r = launch("--db", dbPath.toString(), "--report", dir.resolve("r").toString(), "--crisis", "1");
            assertEquals(1, r.exit(), r.err());
            assertTrue(r.err().contains("already open in another War Room window"), r.err());
        }

        Path noDb = dir.resolve("other").resolve("warroom");
        r = launch("--db", noDb.toString(), "--report", dir.resolve("r").toString(), "--crisis", "1");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("there is no War Room database at " + noDb + ".mv.db"), r.err());
        assertTrue(Files.notExists(noDb.getParent()), "nothing created for a missing database");
    }

    @Test
    void reportWithoutCrisisIsAUsageError() throws Exception {
        Run r = launch("--db", dbPath.toString(), "--report", dir.resolve("r").toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("--report needs --crisis ID") && r.err().contains("Usage: warroom"), r.err());
    }
}
