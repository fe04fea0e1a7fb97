package dev.warroom.crisis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.store.Database;
import dev.warroom.testing.HeadlessLauncher;
import dev.warroom.testing.HeadlessLauncher.Run;
import dev.warroom.testing.PostgresCluster;
import dev.warroom.testing.PostgresExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The command line in team mode, in a child JVM without a display: bad addresses, --copy-to and --report. */
@ExtendWith(PostgresExtension.class)
class TeamCommandLineTest {
    @TempDir
    Path dir;
    private Path dbPath;
    private long crisisId;

    @BeforeEach
    void seed() {
        dbPath = dir.resolve("laptop");
        try (Database db = Database.open(dbPath)) {
            ScriptedCrisis script = new ScriptedCrisis();
            script.play(db);
            crisisId = script.crisisId;
        }
    }

    private Run launch(String... args) throws IOException, InterruptedException {
        return HeadlessLauncher.run(dir, Duration.ofSeconds(90), args);
    }

    private static long count(PostgresCluster pg, String db, String table) throws Exception {
        try (Connection c = pg.admin(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aServerThatDoesNotAnswerOrAnAddressOfAnotherKindEndsTheStartWithExitOne() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Run r = launch("--db", "postgresql://127.0.0.1:" + port + "/warroom?user=alice");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("warroom: The team database server 127.0.0.1:" + port + " does not answer"),
                r.err());
        assertTrue(!r.err().contains("\tat "), "no stack trace: " + r.err());

        r = launch("--db", "mysql://db.example:3306/warroom");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("\"mysql://db.example:3306/warroom\" is neither a PostgreSQL address"), r.err());
    }

    @Test
    void copyToMovesEverythingIntoAnEmptyTeamDatabaseOnceAndTheReportRunsAgainstIt() throws Exception {
        PostgresCluster pg = PostgresExtension.cluster();
        String name = PostgresExtension.newDatabase();
        String url = "postgresql://127.0.0.1:" + pg.port() + "/" + name + "?user=" + PostgresCluster.SUPERUSER;
        long events;
        long samples;
        try (Database local = Database.open(dbPath)) {
            events = local.read(tx -> tx.eventCount());
            samples = local.samples().rowCounts()[0];
        }
        assertTrue(events > 10 && samples > 100, events + " events, " + samples + " samples");

        Run r = launch("--db", dbPath.toString(), "--copy-to", url);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("counts checked"), r.out());
        assertEquals(events, count(pg, name, "timeline_event"));
        assertEquals(samples, count(pg, name, "metric_sample"));

        Run again = launch("--db", dbPath.toString(), "--copy-to", url);
        assertEquals(1, again.exit(), again.err());
        assertTrue(again.err().contains("is not empty (") && again.err().contains("nothing was copied"), again.err());
        assertEquals(events, count(pg, name, "timeline_event"), "nothing written twice");

        Path out = dir.resolve("team-report");
        Run report = launch("--db", url, "--report", out.toString(), "--crisis", String.valueOf(crisisId));
        assertEquals(0, report.exit(), report.err());
        String fromTeam = Files.readString(dir.resolve("team-report.md"));
        Run local = launch("--db", dbPath.toString(), "--report", dir.resolve("local-report").toString(), "--crisis",
                String.valueOf(crisisId));
        assertEquals(0, local.exit(), local.err());
        assertEquals(withoutGeneratedLine(Files.readString(dir.resolve("local-report.md"))), withoutGeneratedLine(fromTeam),
                "the team database tells the same story as the laptop it came from");
    }

    private static String withoutGeneratedLine(String markdown) {
        return markdown.lines().filter(l -> !l.startsWith("_Generated ")).collect(Collectors.joining("\n"));
    }
}
