package dev.warroom.store;

import dev.warroom.domain.Crisis;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
                return Optional.of(read(rs));
            }
        });
    }

    static Crisis insert(Connection c, Crisis crisis) {
        return Sql.doing("start the crisis", () -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO crisis (name, started_at, ended_at, version, drill) "
                    + "VALUES (?,?,?,0,?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, crisis.name());
                Jdbc.setInstant(ps, 2, crisis.startedAt());
                Jdbc.setInstant(ps, 3, crisis.endedAt());
                ps.setBoolean(4, crisis.drill());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return new Crisis(keys.getLong(1), crisis.name(), crisis.startedAt(), crisis.endedAt(), 0,
                            crisis.drill());
                }
            }
        });
    }

    static List<Crisis> all(Connection c, int limit) {
        return Sql.doing("read the crises", () -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM crisis ORDER BY started_at DESC, id DESC LIMIT ?")) {
                ps.setInt(1, limit);
                List<Crisis> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
                return out;
            }
        });
    }

    static Optional<String> severity(Connection c, long id) {
        return Sql.doing("read the crisis severity", () -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT severity FROM crisis WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    static void setSeverity(Connection c, long id, String severity) {
        Sql.doing("set the crisis severity", () -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE crisis SET severity = ? WHERE id = ?")) {
                ps.setString(1, severity);
                ps.setLong(2, id);
                return ps.executeUpdate();
            }
        });
    }

    /** Ends {@code crisis} if its version is still the stored one; returns it ended, with the new version. */
    static Crisis end(Connection c, Crisis crisis, Instant endedAt) {
        return Sql.doing("end the crisis", () -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE crisis SET ended_at = ?, version = version + 1 WHERE id = ? AND version = ? AND ended_at IS NULL")) {
                Jdbc.setInstant(ps, 1, endedAt);
                ps.setLong(2, crisis.id());
                ps.setLong(3, crisis.version());
                if (ps.executeUpdate() != 1) {
                    throw new StaleUpdateException("Crisis \"" + crisis.name()
                            + "\" was changed or ended in another window; look again before ending it.");
                }
                return new Crisis(crisis.id(), crisis.name(), crisis.startedAt(), endedAt, crisis.version() + 1,
                        crisis.drill());
            }
        });
    }

    private static Crisis read(ResultSet rs) throws java.sql.SQLException {
        return new Crisis(rs.getLong("id"), rs.getString("name"), Jdbc.instant(rs, "started_at"),
                Jdbc.instant(rs, "ended_at"), rs.getLong("version"), rs.getBoolean("drill"));
    }
}
