package dev.warroom.store;

import dev.warroom.domain.comms.CommsEntry;
import dev.warroom.domain.comms.CommsOutcome;
import dev.warroom.domain.comms.OutputFormat;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Messages sent or skipped per channel; insert and read only. */
final class CommsTable {
    private CommsTable() {
    }

    static CommsEntry insert(Connection c, CommsEntry e) {
        return Sql.doing("record the message", () -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO comms_message (crisis_id, channel, outcome, at, "
                    + "format, body, reason, actor) VALUES (?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, e.crisisId());
                ps.setString(2, e.channel());
                ps.setString(3, e.outcome().name());
                Jdbc.setInstant(ps, 4, e.at());
                ps.setString(5, e.format().name());
                ps.setString(6, e.text());
                ps.setString(7, e.reason());
                ps.setString(8, e.actor());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return new CommsEntry(keys.getLong(1), e.crisisId(), e.channel(), e.outcome(), e.at(), e.format(),
                            e.text(), e.reason(), e.actor());
                }
            }
        });
    }

    /** Channel → when its latest message was sent or skipped, for one crisis. */
    static Map<String, Instant> lastHandled(Connection c, long crisisId) {
        return Sql.doing("read the comms cadence", () -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT channel, MAX(at) AS last_at FROM comms_message WHERE crisis_id = ? GROUP BY channel")) {
                ps.setLong(1, crisisId);
                Map<String, Instant> out = new LinkedHashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString("channel"), Jdbc.instant(rs, "last_at"));
                    }
                }
                return out;
            }
        });
    }

    /** The crisis's messages, newest first. */
    static List<CommsEntry> latest(Connection c, long crisisId, int limit) {
        return Sql.doing("read the sent messages", () -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM comms_message WHERE crisis_id = ? ORDER BY at DESC, id DESC LIMIT ?")) {
                ps.setLong(1, crisisId);
                ps.setInt(2, limit);
                List<CommsEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new CommsEntry(rs.getLong("id"), rs.getLong("crisis_id"), rs.getString("channel"),
                                CommsOutcome.valueOf(rs.getString("outcome")), Jdbc.instant(rs, "at"),
                                OutputFormat.valueOf(rs.getString("format")), rs.getString("body"),
                                rs.getString("reason"), rs.getString("actor")));
                    }
                }
                return out;
            }
        });
    }
}
