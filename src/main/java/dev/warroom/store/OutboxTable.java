package dev.warroom.store;

import dev.warroom.domain.outbox.DeliveryAttempt;
import dev.warroom.domain.outbox.DeliveryState;
import dev.warroom.domain.outbox.OutboxMessage;
import dev.warroom.domain.outbox.PublicStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Messages waiting to be delivered, their attempts, and the Statuspage incident of each crisis. */
final class OutboxTable {
    private static final String SELECT = "SELECT o.*, m.channel AS comms_channel, m.body AS comms_body, "
            + "c.name AS crisis_name FROM outbox_message o JOIN comms_message m ON m.id = o.comms_id "
            + "JOIN crisis c ON c.id = o.crisis_id ";

    private OutboxTable() {
    }

    static OutboxMessage insert(Connection c, OutboxMessage m) {
        return Sql.doing("queue the message for delivery", () -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox_message (comms_id, crisis_id, target, "
                    + "kind, public_status, idempotency_key, state, attempts, next_attempt_at, last_error, created_at) "
                    + "VALUES (?,?,?,?,?,?,?,0,?,'',?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, m.commsId());
                ps.setLong(2, m.crisisId());
                ps.setString(3, m.target());
                ps.setString(4, m.kind());
                ps.setString(5, m.publicStatus() == null ? null : m.publicStatus().name());
                ps.setString(6, m.idempotencyKey());
                ps.setString(7, DeliveryState.QUEUED.name());
                Jdbc.setInstant(ps, 8, m.nextAttemptAt());
                Jdbc.setInstant(ps, 9, m.createdAt());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return find(c, keys.getLong(1)).orElseThrow();
                }
            }
        });
    }

    static Optional<OutboxMessage> find(Connection c, long id) {
        return Sql.doing("read a queued message", () -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE o.id = ?")) {
                ps.setLong(1, id);
                List<OutboxMessage> out = read(ps);
                return out.isEmpty() ? Optional.empty() : Optional.of(out.get(0));
            }
        });
    }

    /** Every message not yet delivered or failed, oldest first. */
    static List<OutboxMessage> pending(Connection c) {
        return Sql.doing("read the delivery queue", () -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE o.state IN ('QUEUED','DELIVERING') "
                    + "ORDER BY o.id")) {
                return read(ps);
            }
        });
    }

    /** The crisis's messages with their delivery, newest first. */
    static List<OutboxMessage> forCrisis(Connection c, long crisisId, int limit) {
        return Sql.doing("read the deliveries", () -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE o.crisis_id = ? ORDER BY o.id DESC LIMIT ?")) {
                ps.setLong(1, crisisId);
                ps.setInt(2, limit);
                return read(ps);
            }
        });
    }

    /** Every message ever queued, oldest first (tests and the benchmark read this). */
    static List<OutboxMessage> all(Connection c) {
        return Sql.doing("read the deliveries", () -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + "ORDER BY o.id")) {
                return read(ps);
            }
        });
    }

    /** Writes the new state if the row's version is still {@code m.version()}; returns it with the next version. */
    static OutboxMessage update(Connection c, OutboxMessage m) {
        return Sql.doing("record the delivery", () -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_message SET state = ?, attempts = ?, "
                    + "next_attempt_at = ?, last_error = ?, delivered_at = ?, version = version + 1 "
                    + "WHERE id = ? AND version = ?")) {
                ps.setString(1, m.state().name());
                ps.setInt(2, m.attempts());
                Jdbc.setInstant(ps, 3, m.nextAttemptAt());
                ps.setString(4, clip(m.lastError(), 500));
                Jdbc.setInstant(ps, 5, m.deliveredAt());
                ps.setLong(6, m.id());
                ps.setLong(7, m.version());
                if (ps.executeUpdate() != 1) {
                    throw new StaleUpdateException("The delivery of message " + m.id() + " changed meanwhile.");
                }
                return find(c, m.id()).orElseThrow();
            }
        });
    }

    static void addAttempt(Connection c, DeliveryAttempt a) {
        Sql.doing("record the delivery attempt", () -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO outbox_attempt (outbox_id, at, outcome, detail) VALUES (?,?,?,?)")) {
                ps.setLong(1, a.outboxId());
                Jdbc.setInstant(ps, 2, a.at());
                ps.setString(3, a.outcome());
                ps.setString(4, clip(a.detail(), 500));
                return ps.executeUpdate();
            }
        });
    }

    static List<DeliveryAttempt> attempts(Connection c, long outboxId) {
        return Sql.doing("read the delivery history", () -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM outbox_attempt WHERE outbox_id = ? ORDER BY at, id")) {
                ps.setLong(1, outboxId);
                List<DeliveryAttempt> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new DeliveryAttempt(rs.getLong("outbox_id"), Jdbc.instant(rs, "at"),
                                rs.getString("outcome"), rs.getString("detail")));
                    }
                }
                return out;
            }
        });
    }

    static Optional<String> incident(Connection c, long crisisId, String target) {
        return Sql.doing("read the status page incident", () -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT incident_id FROM statuspage_incident WHERE crisis_id = ? AND target = ?")) {
                ps.setLong(1, crisisId);
                ps.setString(2, target);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    static void saveIncident(Connection c, long crisisId, String target, String incidentId) {
        Sql.doing("record the status page incident", () -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO statuspage_incident (crisis_id, target, incident_id) VALUES (?,?,?)")) {
                ps.setLong(1, crisisId);
                ps.setString(2, target);
                ps.setString(3, clip(incidentId, 80));
                return ps.executeUpdate();
            }
        });
    }

    private static List<OutboxMessage> read(PreparedStatement ps) throws SQLException {
        List<OutboxMessage> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String status = rs.getString("public_status");
                out.add(new OutboxMessage(rs.getLong("id"), rs.getLong("comms_id"), rs.getLong("crisis_id"),
                        rs.getString("target"), rs.getString("kind"), rs.getString("comms_channel"),
                        rs.getString("crisis_name"), rs.getString("comms_body"),
                        status == null ? null : PublicStatus.valueOf(status), rs.getString("idempotency_key"),
                        DeliveryState.valueOf(rs.getString("state")), rs.getInt("attempts"),
                        Jdbc.instant(rs, "next_attempt_at"), rs.getString("last_error"), Jdbc.instant(rs, "created_at"),
                        Jdbc.instant(rs, "delivered_at"), rs.getLong("version")));
            }
        }
        return out;
    }

    private static String clip(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }
}
