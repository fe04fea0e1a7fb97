package dev.warroom.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

final class SettingTable {
    private SettingTable() {
    }

    static Optional<String> get(Connection c, String name) {
        return Sql.doing("read setting " + name, () -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT val FROM setting WHERE name=?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    static void put(Connection c, String name, String value) {
        Sql.doing("save setting " + name, () -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "MERGE INTO setting (name, val, version) KEY (name) VALUES (?, ?, 0)")) {
                ps.setString(1, name);
                ps.setString(2, value);
                ps.executeUpdate();
            }
            return null;
        });
    }
}
