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
            try (PreparedStatement ps = c.prepareStatement(Dialect.of(c).upsert("setting",
                    java.util.List.of("name"), java.util.List.of("name", "val", "version")))) {
                ps.setString(1, name);
                ps.setString(2, value);
                ps.setLong(3, 0);
                ps.executeUpdate();
            }
            return null;
        });
    }
}
