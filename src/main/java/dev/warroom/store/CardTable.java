package dev.warroom.store;

import static dev.warroom.store.Jdbc.instant;
import static dev.warroom.store.Jdbc.setInstant;

import dev.warroom.domain.Card;
import dev.warroom.domain.CardKind;
import dev.warroom.domain.Column;
import dev.warroom.domain.Priority;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

final class CardTable {
    private static final String FIELDS = "title, description, kind, priority, assignee, eta, status_note, "
            + "board_column, position, created_at, moved_at, entered_column_at, paused_from, public_summary";

    private CardTable() {
    }

    static Card insert(Connection c, Card card) {
        return Sql.doing("save the new card \"" + card.title() + "\"", () -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO card (" + FIELDS + ", version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)",
                    Statement.RETURN_GENERATED_KEYS)) {
                bind(ps, card);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return card.withId(keys.getLong(1)).withVersion(0);
                }
            }
        });
    }

    static Card update(Connection c, Card card) {
        return Sql.doing("save card \"" + card.title() + "\"", () -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE card SET title=?, description=?, kind=?, "
                    + "priority=?, assignee=?, eta=?, status_note=?, board_column=?, position=?, created_at=?, "
                    + "moved_at=?, entered_column_at=?, paused_from=?, public_summary=?, version=version+1 "
                    + "WHERE id=? AND version=? AND NOT deleted")) {
                int i = bind(ps, card);
                ps.setLong(i++, card.id());
                ps.setLong(i, card.version());
                if (ps.executeUpdate() == 1) {
                    return card.withVersion(card.version() + 1);
                }
            }
            throw stale(c, card);
        });
    }

    private static StaleUpdateException stale(Connection c, Card card) throws SQLException {
        Optional<Card> now = find(c, card.id(), false);
        if (now.isEmpty()) {
            return new StaleUpdateException("Card \"" + card.title() + "\" was deleted meanwhile; your change was not saved.");
        }
        return new StaleUpdateException("Card \"" + now.get().title() + "\" was changed elsewhere since you loaded it "
                + "(it is at version " + now.get().version() + ", you had " + card.version()
                + "). Nothing was overwritten; look at the card again and redo your change.");
    }

    static void setPositions(Connection c, List<Card> ordered) {
        Sql.doing("reorder cards", () -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE card SET position=? WHERE id=?")) {
                for (Card card : ordered) {
                    ps.setInt(1, card.position());
                    ps.setLong(2, card.id());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    static void markDeleted(Connection c, Card card, boolean deleted) {
        Sql.doing((deleted ? "delete" : "restore") + " card \"" + card.title() + "\"", () -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE card SET deleted=?, version=version+1 WHERE id=? AND version=? AND deleted=?")) {
                ps.setBoolean(1, deleted);
                ps.setLong(2, card.id());
                ps.setLong(3, card.version());
                ps.setBoolean(4, !deleted);
                if (ps.executeUpdate() != 1) {
                    throw new StaleUpdateException("Card \"" + card.title() + "\" changed elsewhere meanwhile; it was not "
                            + (deleted ? "deleted" : "restored") + ".");
                }
            }
            return null;
        });
    }

    static List<Card> all(Connection c) {
        return query(c, "SELECT * FROM card WHERE NOT deleted ORDER BY board_column, position, id", null);
    }

    static List<Card> inColumn(Connection c, Column column) {
        return query(c, "SELECT * FROM card WHERE NOT deleted AND board_column=? ORDER BY position, id", column.name());
    }

    static Optional<Card> find(Connection c, long id, boolean deleted) {
        return Sql.doing("read card " + id, () -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM card WHERE id=? AND deleted=?")) {
                ps.setLong(1, id);
                ps.setBoolean(2, deleted);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    static boolean slaBreachRecorded(Connection c, long id) {
        return Sql.doing("read SLA state of card " + id, () -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT sla_breach_recorded FROM card WHERE id=?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }
        });
    }

    static void setSlaBreachRecorded(Connection c, long id, boolean recorded) {
        Sql.doing("record SLA state of card " + id, () -> {
            // a row that already says so is left alone (no second write of a card a move just wrote)
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE card SET sla_breach_recorded=? WHERE id=? AND sla_breach_recorded<>?")) {
                ps.setBoolean(1, recorded);
                ps.setLong(2, id);
                ps.setBoolean(3, recorded);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static List<Card> query(Connection c, String sql, String param) {
        return Sql.doing("read the board", () -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (param != null) {
                    ps.setString(1, param);
                }
                List<Card> cards = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        cards.add(read(rs));
                    }
                }
                return cards;
            }
        });
    }

    private static int bind(PreparedStatement ps, Card card) throws SQLException {
        int i = 1;
        ps.setString(i++, card.title());
        ps.setString(i++, card.description());
        ps.setString(i++, card.kind().name());
        ps.setString(i++, card.priority().name());
        ps.setString(i++, card.assignee());
        setInstant(ps, i++, card.eta());
        ps.setString(i++, card.statusNote());
        ps.setString(i++, card.column().name());
        ps.setInt(i++, card.position());
        setInstant(ps, i++, card.createdAt());
        setInstant(ps, i++, card.movedAt());
        setInstant(ps, i++, card.enteredColumnAt());
        ps.setString(i++, card.pausedFrom() == null ? null : card.pausedFrom().name());
        ps.setString(i++, card.publicSummary());
        return i;
    }

    private static Card read(ResultSet rs) throws SQLException {
        String pausedFrom = rs.getString("paused_from");
        return new Card(rs.getLong("id"), rs.getString("title"), rs.getString("description"),
                CardKind.valueOf(rs.getString("kind")), Priority.valueOf(rs.getString("priority")),
                rs.getString("assignee"), instant(rs, "eta"), rs.getString("status_note"),
                Column.valueOf(rs.getString("board_column")), rs.getInt("position"), instant(rs, "created_at"),
                instant(rs, "moved_at"), instant(rs, "entered_column_at"),
                pausedFrom == null ? null : Column.valueOf(pausedFrom), rs.getLong("version"),
                rs.getString("public_summary"));
    }
}
