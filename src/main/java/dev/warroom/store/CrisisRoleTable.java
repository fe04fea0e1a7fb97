package dev.warroom.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Who holds each role of a crisis right now. */
final class CrisisRoleTable {
    private CrisisRoleTable() {
    }

    static Map<String, String> holders(Connection c, long crisisId) {
        return Sql.doing("read the crisis roles", () -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT role, holder FROM crisis_role WHERE crisis_id = ? ORDER BY role")) {
                ps.setLong(1, crisisId);
                Map<String, String> out = new LinkedHashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString("role"), rs.getString("holder"));
                    }
                }
                return out;
            }
        });
    }

    static void assign(Connection c, long crisisId, String role, String holder, Instant since) {
        Sql.doing("assign the role " + role, () -> {
            try (PreparedStatement ps = c.prepareStatement(Dialect.of(c) == Dialect.H2
                    ? "MERGE INTO crisis_role (crisis_id, role, holder, since, "
                    + "version) KEY (crisis_id, role) VALUES (?, ?, ?, ?, COALESCE((SELECT version + 1 FROM crisis_role "
                    + "WHERE crisis_id = ? AND role = ?), 0))"
                    : "INSERT INTO crisis_role (crisis_id, role, holder, since, version) VALUES (?, ?, ?, ?, "
                    + "COALESCE((SELECT version + 1 FROM crisis_role WHERE crisis_id = ? AND role = ?), 0)) "
                    + "ON CONFLICT (crisis_id, role) DO UPDATE SET holder = EXCLUDED.holder, since = EXCLUDED.since, "
                    + "version = crisis_role.version + 1")) {
                ps.setLong(1, crisisId);
                ps.setString(2, role);
                ps.setString(3, holder);
                Jdbc.setInstant(ps, 4, since);
                ps.setLong(5, crisisId);
                ps.setString(6, role);
                return ps.executeUpdate();
            }
        });
    }
}
