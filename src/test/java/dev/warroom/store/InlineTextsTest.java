package dev.warroom.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small CLOB texts (timeline states) live in the row: the H2 setting the V12 migration makes, kept in the file. */
class InlineTextsTest {
    @TempDir
    Path dir;

    @Test
    void aMigratedFileKeepsTextsUpTo4KiBInTheRow() throws Exception {
        Path base = dir.resolve("inline");
        Database.open(base).close();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + base, "sa", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                     + "WHERE SETTING_NAME = 'MAX_LENGTH_INPLACE_LOB'")) {
            assertTrue(rs.next(), "the setting is recorded in the database");
            assertEquals("4096", rs.getString(1));
        }
    }
}
