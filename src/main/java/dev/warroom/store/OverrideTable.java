package dev.warroom.store;

import dev.warroom.domain.Column;
import dev.warroom.domain.WipOverride;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;

final class OverrideTable {
    private OverrideTable() {
    }

    static Map<Column, WipOverride> all(Connection c) {
        return Sql.doing("read WIP overrides", () -> {
            Map<Column, WipOverride> out = new EnumMap<>(Column.class);
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT board_column, reason, actor, at FROM wip_override")) {
                while (rs.next()) {
                    Column col = Column.valueOf(rs.getString(1));
                    out.put(col, new WipOverride(col, rs.getString(2), rs.getString(3), Jdbc.instant(rs, "at")));
                }
            }
            return out;
        });
    }

    static void save(Connection c, WipOverride o) {
        Sql.doing("record the WIP override", () -> {
            try (PreparedStatement ps = c.prepareStatement(Dialect.of(c).upsert("wip_override",
                    java.util.List.of("board_column"), java.util.List.of("board_column", "reason", "actor", "at")))) {
                ps.setString(1, o.column().name());
                ps.setString(2, o.reason());
                ps.setString(3, o.actor());
                Jdbc.setInstant(ps, 4, o.at());
                ps.executeUpdate();
            }
            return null;
        });
    }

    static void clear(Connection c, Column column) {
        Sql.doing("clear the WIP override", () -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM wip_override WHERE board_column=?")) {
                ps.setString(1, column.name());
                ps.executeUpdate();
            }
            return null;
        });
    }
}
