package dev.warroom.store;

import dev.warroom.domain.EventKind;
import dev.warroom.domain.PlainText;
import dev.warroom.domain.TimelineEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The append-only event table: insert and read, nothing else. */
final class TimelineTable {
    private TimelineTable() {
    }

    static TimelineEvent append(Connection c, TimelineEvent e) {
        return Sql.doing("append to the timeline", () -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO timeline_event (at, actor, kind, subject, "
                    + "summary, before_state, after_state) VALUES (?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
                Jdbc.setInstant(ps, 1, e.at());
                ps.setString(2, clip(e.actor(), 80));
                ps.setString(3, e.kind().name());
                ps.setString(4, clip(e.subject(), 80));
                ps.setString(5, clip(e.summary(), 1000));
                ps.setString(6, e.before() == null ? null : PlainText.wellFormed(e.before()));
                ps.setString(7, e.after() == null ? null : PlainText.wellFormed(e.after()));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return new TimelineEvent(keys.getLong(1), e.at(), e.actor(), e.kind(), e.subject(), e.summary(),
                            e.before(), e.after());
                }
            }
        });
    }

    static List<TimelineEvent> between(Connection c, Instant from, Instant to, int limit) {
        return Sql.doing("read the timeline", () -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM timeline_event WHERE at >= ? AND at < ? ORDER BY at, id LIMIT ?")) {
                Jdbc.setInstant(ps, 1, from);
                Jdbc.setInstant(ps, 2, to);
                ps.setInt(3, limit);
                return read(ps);
            }
        });
    }

    static List<TimelineEvent> latest(Connection c, int limit) {
        return Sql.doing("read the timeline", () -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM timeline_event ORDER BY id DESC LIMIT ?")) {
                ps.setInt(1, limit);
                return read(ps);
            }
        });
    }

    /** The most recent event of {@code kind}, if any. */
    static java.util.Optional<TimelineEvent> latestOfKind(Connection c, EventKind kind) {
        return Sql.doing("read the timeline", () -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM timeline_event WHERE kind = ? ORDER BY at DESC, id DESC LIMIT 1")) {
                ps.setString(1, kind.name());
                return read(ps).stream().findFirst();
            }
        });
    }

    /** The newest event about {@code subject} ("card:12", "comms:status-page"), if any. */
    static java.util.Optional<TimelineEvent> latestAbout(Connection c, String subject) {
        return Sql.doing("read the timeline of " + subject, () -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM timeline_event WHERE subject = ? ORDER BY id DESC LIMIT 1")) {
                ps.setString(1, subject);
                return read(ps).stream().findFirst();
            }
        });
    }

    static long count(Connection c) {
        return Sql.doing("count timeline events", () -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM timeline_event")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** For each event kind name seen at or after {@code since}, when it first happened. */
    static java.util.Map<String, Instant> firstByKind(Connection c, Instant since) {
        return Sql.doing("read the timeline", () -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT kind, MIN(at) AS first_at FROM timeline_event WHERE at >= ? GROUP BY kind")) {
                Jdbc.setInstant(ps, 1, since);
                java.util.Map<String, Instant> out = new java.util.HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString("kind"), Jdbc.instant(rs, "first_at"));
                    }
                }
                return out;
            }
        });
    }

    /** For each subject of an event of one of {@code kinds} at or after {@code since}, when it first happened. */
    static java.util.Map<String, Instant> firstBySubject(Connection c, Instant since, java.util.Set<EventKind> kinds) {
        java.util.Map<String, Instant> out = new java.util.HashMap<>();
        if (kinds.isEmpty()) {
            return out;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(kinds.size(), "?"));
        return Sql.doing("read the timeline", () -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT subject, MIN(at) AS first_at FROM timeline_event"
                    + " WHERE at >= ? AND kind IN (" + marks + ") GROUP BY subject")) {
                Jdbc.setInstant(ps, 1, since);
                int i = 2;
                for (EventKind k : kinds) {
                    ps.setString(i++, k.name());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString("subject"), Jdbc.instant(rs, "first_at"));
                    }
                }
                return out;
            }
        });
    }

    private static List<TimelineEvent> read(PreparedStatement ps) throws SQLException {
        List<TimelineEvent> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new TimelineEvent(rs.getLong("id"), Jdbc.instant(rs, "at"), rs.getString("actor"),
                        EventKind.valueOf(rs.getString("kind")), rs.getString("subject"), rs.getString("summary"),
                        rs.getString("before_state"), rs.getString("after_state")));
            }
        }
        return out;
    }

    /** Shortened to the column at a character boundary, never leaving half an emoji in the record. */
    private static String clip(String s, int max) {
        return PlainText.clip(s, max);
    }
}
