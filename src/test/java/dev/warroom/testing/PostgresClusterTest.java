package dev.warroom.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresClusterTest {
    @Test
    void aFreshDatabaseIsEmptyAndTheServerIsRecentEnough() throws Exception {
        String name = PostgresExtension.newDatabase();
        try (Connection c = PostgresExtension.cluster().admin(name); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM information_schema.tables "
                    + "WHERE table_schema = 'public'")) {
                rs.next();
                assertEquals(0, rs.getInt(1));
            }
            try (ResultSet rs = st.executeQuery("SHOW server_version_num")) {
                rs.next();
                assertTrue(Integer.parseInt(rs.getString(1)) >= 130000, rs.getString(1));
            }
        }
    }
}
