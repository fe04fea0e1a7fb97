package dev.warroom.store;

import dev.warroom.domain.Crisis;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;

final class CrisisTable {
    private CrisisTable() {
    }

    static Optional<Crisis> active(Connection c) {
        return Sql.doing("read the active crisis", () -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT * FROM crisis WHERE ended_at IS NULL ORDER BY id DESC LIMIT 1")) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Crisis(rs.getLong("id"), rs.getString("name"), Jdbc.instant(rs, "started_at"),
                        Jdbc.instant(rs, "ended_at"), rs.getLong("version")));
            }
        });
    }

    static Crisis insert(Connection c, Crisis crisis) {
        return Sql.doing("start the crisis", () -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO crisis (name, started_at, ended_at, version) "
                    + "VALUES (?,?,?,0)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, crisis.name());
                Jdbc.setInstant(ps, 2, crisis.startedAt());
                Jdbc.setInstant(ps, 3, crisis.endedAt());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return new Crisis(keys.getLong(1), crisis.name(), crisis.startedAt(), crisis.endedAt(), 0);
                }
            }
        });
    }
}
