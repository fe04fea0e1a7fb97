package dev.warroom.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shortcut that opens a current database without Flyway: the manifest must say exactly what Flyway applies, and
 * every history that differs from it, in any field, must go the long way and get Flyway's verdict.
 */
class SchemaManifestTest {
    @TempDir
    Path dir;

    private JdbcConnectionPool migrated(String name) {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve(name) + ";TRACE_LEVEL_FILE=0",
                "sa", "");
        Database.flyway(pool).migrate();
        return pool;
    }

    private static void sql(JdbcConnectionPool pool, String statement) throws SQLException {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate(statement);
        }
    }

    @Test
    void theManifestIsWhatFlywayAppliesToANewDatabase() {
        JdbcConnectionPool pool = migrated("fresh");
        try {
            MigrationInfo[] applied = Database.flyway(pool).info().applied();
            String flyway = Arrays.stream(applied)
                    .map(m -> new SchemaManifest.Entry(m.getVersion().getVersion(), m.getDescription(),
                            m.getType().name(), m.getScript(), m.getChecksum()).line())
                    .collect(Collectors.joining("\n"));
            String manifest = SchemaManifest.h2().stream().map(SchemaManifest.Entry::line)
                    .collect(Collectors.joining("\n"));
            assertEquals(flyway, manifest, "src/main/resources/dev/warroom/store/" + SchemaManifest.RESOURCE
                    + " is out of date with the migrations; it should read:\n" + flyway + "\n");
            assertEquals(applied[applied.length - 1].getVersion().getVersion(), SchemaManifest.newest());
            assertTrue(SchemaManifest.matches(pool));
        } finally {
            pool.dispose();
        }
    }

    @Test
    void aCurrentDatabaseIsJudgedCurrentWithoutFlyway() {
        JdbcConnectionPool pool = migrated("current");
        try {
            SchemaState state = SchemaState.of(pool, dir.resolve("current.mv.db"));
            assertEquals(new SchemaState(SchemaManifest.newest(), false, null), state);
        } finally {
            pool.dispose();
        }
    }

    /** Each change makes the shortcut step aside; Flyway then decides, as it did before the shortcut existed. */
    @Test
    void anyDifferenceInTheHistoryGoesThroughFlyway() throws Exception {
        String last = SchemaManifest.newest();
        List<String> changes = List.of(
                "UPDATE \"flyway_schema_history\" SET \"checksum\" = \"checksum\" + 1 WHERE \"version\" = '1'",
                "UPDATE \"flyway_schema_history\" SET \"checksum\" = NULL WHERE \"version\" = '2'",
                "UPDATE \"flyway_schema_history\" SET \"description\" = 'other' WHERE \"version\" = '3'",
                "UPDATE \"flyway_schema_history\" SET \"type\" = 'JDBC' WHERE \"version\" = '4'",
                "UPDATE \"flyway_schema_history\" SET \"script\" = 'V4__x.sql' WHERE \"version\" = '4'",
                "UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '" + last + "'",
                "DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '" + last + "'",
                "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\", "
                        + "\"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") VALUES "
                        + "(999, '999', 'from the future', 'SQL', 'V999__f.sql', 1, 'sa', 1, TRUE)",
                "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\", "
                        + "\"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") VALUES "
                        + "(998, NULL, 'repeatable', 'SQL', 'R__r.sql', 1, 'sa', 1, TRUE)");
        for (int i = 0; i < changes.size(); i++) {
            JdbcConnectionPool pool = migrated("changed" + i);
            try {
                sql(pool, changes.get(i));
                assertFalse(SchemaManifest.matches(pool), changes.get(i));
            } finally {
                pool.dispose();
            }
        }
    }

    @Test
    void olderAndNewerHistoriesKeepFlywaysVerdict() throws Exception {
        String last = SchemaManifest.newest();
        JdbcConnectionPool older = migrated("older");
        try {
            sql(older, "DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '" + last + "'");
            SchemaState state = SchemaState.of(older, dir.resolve("older.mv.db"));
            assertTrue(state.pending());
            assertNull(state.newerReason());
        } finally {
            older.dispose();
        }
        JdbcConnectionPool newer = migrated("newer");
        try {
            sql(newer, "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", "
                    + "\"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") VALUES "
                    + "(999, '999', 'from the future', 'SQL', 'V999__f.sql', 1, 'sa', 1, TRUE)");
            SchemaState state = SchemaState.of(newer, dir.resolve("newer.mv.db"));
            assertTrue(state.newerReason().contains("newer War Room"), state.newerReason());
        } finally {
            newer.dispose();
        }
        JdbcConnectionPool tampered = migrated("tampered");
        try {
            sql(tampered, "UPDATE \"flyway_schema_history\" SET \"checksum\" = \"checksum\" + 1 WHERE \"version\" = '1'");
            DatabaseOpenException e = assertThrows(DatabaseOpenException.class,
                    () -> SchemaState.of(tampered, dir.resolve("tampered.mv.db")));
            assertTrue(e.getMessage().contains("written by another program"), e.getMessage());
        } finally {
            tampered.dispose();
        }
    }

    @Test
    void versionsCompareAsFlywayOrdersThem() {
        assertTrue(SchemaManifest.compareVersions("2", "10") < 0);
        assertTrue(SchemaManifest.compareVersions("1.10", "1.9") > 0);
        assertEquals(0, SchemaManifest.compareVersions("16", "16"));
    }
}
