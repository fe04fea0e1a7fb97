package dev.warroom.store;

import dev.warroom.domain.alert.AlertCardLink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Which card each alert group became; one row per group, updated on every repeat. */
final class AlertCardTable {
    private AlertCardTable() {
    }

    static Optional<AlertCardLink> find(Connection c, String dedupKey) {
        return Sql.doing("read the alert's card", () -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM alert_card WHERE dedup_key = ?")) {
                ps.setString(1, dedupKey);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    static List<AlertCardLink> all(Connection c) {
        return Sql.doing("read the alert cards", () -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM alert_card ORDER BY first_seen, dedup_key")) {
                List<AlertCardLink> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
                return out;
            }
        });
    }

    static AlertCardLink insert(Connection c, AlertCardLink l) {
        return Sql.doing("record the alert's card", () -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO alert_card (dedup_key, group_key, source, "
                    + "card_id, first_seen, last_seen, times_seen, firing, resolved_at, note, version) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,0)")) {
                ps.setString(1, l.dedupKey());
                ps.setString(2, clip(l.groupKey(), 1000));
                ps.setString(3, clip(l.source(), 40));
                ps.setLong(4, l.cardId());
                Jdbc.setInstant(ps, 5, l.firstSeen());
                Jdbc.setInstant(ps, 6, l.lastSeen());
                ps.setInt(7, l.timesSeen());
                ps.setBoolean(8, l.firing());
                Jdbc.setInstant(ps, 9, l.resolvedAt());
                ps.setString(10, clip(l.note(), 40));
                ps.executeUpdate();
                return l;
            }
        });
    }

    static AlertCardLink update(Connection c, AlertCardLink l) {
        return Sql.doing("update the alert's card", () -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE alert_card SET last_seen = ?, times_seen = ?, "
                    + "firing = ?, resolved_at = ?, note = ?, version = version + 1 WHERE dedup_key = ? AND version = ?")) {
                Jdbc.setInstant(ps, 1, l.lastSeen());
                ps.setInt(2, l.timesSeen());
                ps.setBoolean(3, l.firing());
                Jdbc.setInstant(ps, 4, l.resolvedAt());
                ps.setString(5, clip(l.note(), 40));
                ps.setString(6, l.dedupKey());
                ps.setLong(7, l.version());
                if (ps.executeUpdate() != 1) {
                    throw new StaleUpdateException("The alert group " + l.groupKey()
                            + " was updated by another notification at the same time.");
                }
                return new AlertCardLink(l.dedupKey(), l.groupKey(), l.source(), l.cardId(), l.firstSeen(),
                        l.lastSeen(), l.timesSeen(), l.firing(), l.resolvedAt(), l.note(), l.version() + 1);
            }
        });
    }

    private static AlertCardLink read(ResultSet rs) throws SQLException {
        return new AlertCardLink(rs.getString("dedup_key"), rs.getString("group_key"), rs.getString("source"),
                rs.getLong("card_id"), Jdbc.instant(rs, "first_seen"), Jdbc.instant(rs, "last_seen"),
                rs.getInt("times_seen"), rs.getBoolean("firing"), Jdbc.instant(rs, "resolved_at"),
                rs.getString("note"), rs.getLong("version"));
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
