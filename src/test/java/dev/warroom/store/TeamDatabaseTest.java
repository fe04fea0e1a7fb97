package dev.warroom.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.domain.BoardPolicy;
import dev.warroom.testing.PostgresCluster;
import dev.warroom.testing.PostgresExtension;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Opening the team database: schema set-up, and every kind of bad input refused with a plain message. */
@ExtendWith(PostgresExtension.class)
class TeamDatabaseTest {
    @TempDir
    Path dir;

    private static TeamDatabase.Options options(Map<String, String> env, Path pgpass) {
        return new TeamDatabase.Options("alice", "laptop", env::get, pgpass, TeamDatabase.TeamTimings.DEFAULT);
    }

    private static TeamAddress address(PostgresCluster pg, String db, String user) {
        return TeamAddress.parse("postgresql://" + pg.host() + ":" + pg.port() + "/" + db + "?user=" + user, "nobody");
    }

    private static List<String> tables(PostgresCluster pg, String db) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = pg.admin(db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    @Test
    void anEmptyDatabaseGetsTheSchemaAndTwoClientsShareIt() throws Exception {
        PostgresCluster pg = PostgresExtension.cluster();
        String name = PostgresExtension.newDatabase();
        TeamAddress a = TeamAddress.parse("jdbc:postgresql://" + pg.host() + ":" + pg.port() + "/" + name
                + "?user=" + PostgresCluster.SUPERUSER, "nobody");
        try (Database one = TeamDatabase.open(a, options(Map.of(), null));
             Database two = TeamDatabase.open(a, options(Map.of(), null))) {
            assertTrue(one.team());
            assertFalse(one.readOnly());
            assertEquals("team database " + name + " on 127.0.0.1:" + pg.port() + " as warroom", one.location());
            one.write(tx -> {
                tx.saveSetting("greeting", "hello");
                tx.savePolicy(BoardPolicy.defaults());
                return null;
            });
            assertEquals("hello", two.read(tx -> tx.setting("greeting")).orElseThrow());
            two.write(tx -> {
                tx.saveSetting("greeting", "again");
                return null;
            });
            assertEquals("again", one.read(tx -> tx.setting("greeting")).orElseThrow());
            assertTrue(one.localChanges().isEmpty(), "another client wrote: no count of this one's commits can say "
                    + "whether there is something new to read");
        }
        assertTrue(tables(pg, name).containsAll(List.of("card", "timeline_event", "metric_sample", "team_presence",
                "flyway_schema_history")), tables(pg, name).toString());
    }

    @Test
    void addressesThatAreNotPostgresqlOrCarryAPasswordAreRefused() {
        for (String bad : List.of("mysql://db:3306/warroom", "http://example.org/x", "jdbc:mysql://db/warroom",
                "jdbc:h2:file:/tmp/x;INIT=RUNSCRIPT FROM 'evil.sql'")) {
            DatabaseOpenException e = assertThrows(DatabaseOpenException.class, () -> TeamAddress.parse(bad, "me"));
            assertEquals(DatabaseOpenException.Problem.BAD_ADDRESS, e.problem());
            assertTrue(e.getMessage().contains(bad) && e.getMessage().contains("postgresql://"), e.getMessage());
        }
        DatabaseOpenException pw = assertThrows(DatabaseOpenException.class,
                () -> TeamAddress.parse("postgresql://db:5432/warroom?user=bob&password=secret", "me"));
        assertTrue(pw.getMessage().contains(TeamAddress.PASSWORD_ENV), pw.getMessage());
        assertFalse(pw.getMessage().contains("secret"), pw.getMessage());
        DatabaseOpenException inUserInfo = assertThrows(DatabaseOpenException.class,
                () -> TeamAddress.parse("postgresql://bob:secret@db/warroom", "me"));
        assertFalse(inUserInfo.getMessage().contains("secret"), inUserInfo.getMessage());
        DatabaseOpenException noDb = assertThrows(DatabaseOpenException.class,
                () -> TeamAddress.parse("postgresql://db:5432/", "me"));
        assertTrue(noDb.getMessage().contains("names no database"), noDb.getMessage());
        TeamAddress ok = TeamAddress.parse("postgres://db.example/warroom", "carol");
        assertEquals(new TeamAddress("db.example", 5432, "warroom", "carol"), ok);
    }

    @Test
    void aServerOlderThan13IsRefusedNamingTheServer() {
        TeamAddress a = new TeamAddress("old.example", 5432, "warroom", "bob");
        DatabaseOpenException e = assertThrows(DatabaseOpenException.class,
                () -> TeamDatabase.checkVersion(a, 120015, "12.15"));
        assertEquals(DatabaseOpenException.Problem.TOO_OLD, e.problem());
        assertTrue(e.getMessage().contains("old.example:5432") && e.getMessage().contains("12.15")
                && e.getMessage().contains("13 or newer"), e.getMessage());
        TeamDatabase.checkVersion(a, 130000, "13.0");
    }

    @Test
    void aServerThatDoesNotAnswerIsNamed() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        TeamAddress a = TeamAddress.parse("postgresql://127.0.0.1:" + port + "/warroom?user=bob", "me");
        long start = System.nanoTime();
        DatabaseOpenException e = assertThrows(DatabaseOpenException.class,
                () -> TeamDatabase.open(a, options(Map.of(), null)));
        assertEquals(DatabaseOpenException.Problem.UNREACHABLE, e.problem());
        assertTrue(e.getMessage().contains("127.0.0.1:" + port) && e.getMessage().contains("does not answer"),
                e.getMessage());
        assertTrue(System.nanoTime() - start < 10_000_000_000L);
    }

    @Test
    void aWrongOrMissingPasswordIsRefusedAndAPgpassLineIsUsed() throws Exception {
        PostgresCluster pg = PostgresExtension.cluster();
        String name = PostgresExtension.newDatabase();
        pg.sql("DROP ROLE IF EXISTS bob", "CREATE ROLE bob LOGIN PASSWORD 'right-one'",
                "ALTER DATABASE " + name + " OWNER TO bob");
        TeamAddress a = address(pg, name, "bob");

        DatabaseOpenException wrong = assertThrows(DatabaseOpenException.class,
                () -> TeamDatabase.open(a, options(Map.of(TeamAddress.PASSWORD_ENV, "wrong"), null)));
        assertEquals(DatabaseOpenException.Problem.AUTHENTICATION, wrong.problem());
        assertTrue(wrong.getMessage().contains("127.0.0.1:" + pg.port()) && wrong.getMessage().contains("\"bob\""),
                wrong.getMessage());

        DatabaseOpenException none = assertThrows(DatabaseOpenException.class,
                () -> TeamDatabase.open(a, options(Map.of(), dir.resolve("no-such-pgpass"))));
        assertEquals(DatabaseOpenException.Problem.AUTHENTICATION, none.problem());
        assertTrue(none.getMessage().contains(TeamAddress.PASSWORD_ENV), none.getMessage());
        assertEquals(List.of(), tables(pg, name), "nothing written");

        Path pgpass = dir.resolve("pgpass");
        Files.writeString(pgpass, "# team\nother:*:*:*:nope\n127.0.0.1:" + pg.port() + ":" + name + ":bob:right-one\n");
        try (Database db = TeamDatabase.open(a, options(Map.of(), pgpass))) {
            assertFalse(db.readOnly());
        }
    }

    @Test
    void aDatabaseOfSomethingElseIsRefusedAndLeftUntouched() throws Exception {
        PostgresCluster pg = PostgresExtension.cluster();
        String name = PostgresExtension.newDatabase();
        try (Connection c = pg.admin(name); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE customers (id INT PRIMARY KEY)");
            st.execute("CREATE TABLE orders (id INT PRIMARY KEY)");
        }
        DatabaseOpenException e = assertThrows(DatabaseOpenException.class, () -> TeamDatabase.open(
                address(pg, name, PostgresCluster.SUPERUSER), options(Map.of(), null)));
        assertEquals(DatabaseOpenException.Problem.NOT_A_DATABASE, e.problem());
        assertTrue(e.getMessage().contains("customers, orders") && e.getMessage().contains(name)
                && e.getMessage().contains("127.0.0.1:" + pg.port()), e.getMessage());
        assertEquals(List.of("customers", "orders"), tables(pg, name));
    }

    @Test
    void aUserWithoutTheRightToCreateTablesIsToldSoAndNothingIsWritten() throws Exception {
        PostgresCluster pg = PostgresExtension.cluster();
        String name = PostgresExtension.newDatabase();
        pg.sql("DROP ROLE IF EXISTS reader", "CREATE ROLE reader LOGIN PASSWORD 'pw'");
        try (Connection c = pg.admin(name); Statement st = c.createStatement()) {
            st.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        }
        DatabaseOpenException e = assertThrows(DatabaseOpenException.class, () -> TeamDatabase.open(
                address(pg, name, "reader"), options(Map.of(TeamAddress.PASSWORD_ENV, "pw"), null)));
        assertEquals(DatabaseOpenException.Problem.NO_RIGHTS, e.problem());
        assertTrue(e.getMessage().contains("\"reader\"") && e.getMessage().contains("127.0.0.1:" + pg.port()),
                e.getMessage());
        assertEquals(List.of(), tables(pg, name));
    }

    @Test
    void aSchemaFromANewerWarRoomOpensReadOnly() throws Exception {
        PostgresCluster pg = PostgresExtension.cluster();
        String name = PostgresExtension.newDatabase();
        TeamAddress a = address(pg, name, PostgresCluster.SUPERUSER);
        try (Database db = TeamDatabase.open(a, options(Map.of(), null))) {
            assertFalse(db.readOnly());
        }
        try (Connection c = pg.admin(name); Statement st = c.createStatement()) {
            st.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
                    + "checksum, installed_by, execution_time, success) VALUES (999, '999', 'from the future', 'SQL', "
                    + "'V999__from_the_future.sql', 0, 'warroom', 1, TRUE)");
        }
        try (Database db = TeamDatabase.open(a, options(Map.of(), null))) {
            assertTrue(db.readOnly());
            assertTrue(db.readOnlyReason().contains("newer War Room (schema 999"), db.readOnlyReason());
            assertThrows(ReadOnlyException.class, () -> db.write(tx -> {
                tx.saveSetting("x", "y");
                return null;
            }));
            assertTrue(db.read(tx -> tx.setting("x")).isEmpty());
        }
    }
}
