package dev.warroom.store;

import static dev.warroom.store.Jdbc.instant;
import static dev.warroom.store.Jdbc.setInstant;

import dev.warroom.domain.debt.DebtEntry;
import dev.warroom.domain.debt.DebtStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

final class DebtTable {
    private DebtTable() {
    }

    static DebtEntry insert(Connection c, DebtEntry e) {
        return Sql.doing("save the debt entry \"" + e.title() + "\"", () -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO debt_entry (area, shortcut, reason, owner, "
                    + "fix_week, status, card_id, created_at, updated_at, version) VALUES (?,?,?,?,?,?,?,?,?,0)",
                    Statement.RETURN_GENERATED_KEYS)) {
                bind(ps, e);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return e.withId(keys.getLong(1)).withVersion(0);
                }
            }
        });
    }

    static DebtEntry update(Connection c, DebtEntry e) {
        return Sql.doing("save the debt entry \"" + e.title() + "\"", () -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE debt_entry SET area=?, shortcut=?, reason=?, "
                    + "owner=?, fix_week=?, status=?, card_id=?, created_at=?, updated_at=?, version=version+1 "
                    + "WHERE id=? AND version=?")) {
                int i = bind(ps, e);
                ps.setLong(i++, e.id());
                ps.setLong(i, e.version());
                if (ps.executeUpdate() == 1) {
                    return e.withVersion(e.version() + 1);
                }
            }
            Optional<DebtEntry> now = find(c, e.id());
            throw new StaleUpdateException(now.isEmpty()
                    ? "Debt entry \"" + e.title() + "\" no longer exists; your change was not saved."
                    : "Debt entry \"" + now.get().title() + "\" was changed elsewhere since you loaded it (version "
                            + now.get().version() + ", you had " + e.version() + "). Nothing was overwritten; "
                            + "look at it again and redo your change.");
        });
    }

    static List<DebtEntry> all(Connection c) {
        return Sql.doing("read the debt log", () -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM debt_entry ORDER BY fix_week, id");
                 ResultSet rs = ps.executeQuery()) {
                List<DebtEntry> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(read(rs));
                }
                return out;
            }
        });
    }

    static Optional<DebtEntry> find(Connection c, long id) {
        return Sql.doing("read debt entry " + id, () -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM debt_entry WHERE id=?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    private static int bind(PreparedStatement ps, DebtEntry e) throws SQLException {
        int i = 1;
        ps.setString(i++, e.area());
        ps.setString(i++, e.shortcut());
        ps.setString(i++, e.reason());
        ps.setString(i++, e.owner());
        ps.setInt(i++, e.fixWeek());
        ps.setString(i++, e.status().name());
        if (e.cardId() == null) {
            ps.setNull(i++, Types.BIGINT);
        } else {
            ps.setLong(i++, e.cardId());
        }
        setInstant(ps, i++, e.createdAt());
        setInstant(ps, i++, e.updatedAt());
        return i;
    }

    private static DebtEntry read(ResultSet rs) throws SQLException {
        long card = rs.getLong("card_id");
        Long cardId = rs.wasNull() ? null : card;
        return new DebtEntry(rs.getLong("id"), rs.getString("area"), rs.getString("shortcut"), rs.getString("reason"),
                rs.getString("owner"), rs.getInt("fix_week"), DebtStatus.valueOf(rs.getString("status")), cardId,
                instant(rs, "created_at"), instant(rs, "updated_at"), rs.getLong("version"));
    }
}
