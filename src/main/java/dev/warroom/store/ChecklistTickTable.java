package dev.warroom.store;

import dev.warroom.domain.PlainText;
import dev.warroom.domain.plan.ChecklistTick;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

final class ChecklistTickTable {
    private ChecklistTickTable() {
    }

    static List<ChecklistTick> forCrisis(Connection c, long crisisId) {
        return Sql.doing("read checklist ticks", () -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM checklist_tick WHERE crisis_id=? ORDER BY at, checklist_id, item_id")) {
                ps.setLong(1, crisisId);
                List<ChecklistTick> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ChecklistTick(rs.getLong("crisis_id"), rs.getString("checklist_id"),
                                rs.getString("item_id"), rs.getString("ticked_by"), Jdbc.instant(rs, "at"),
                                rs.getString("signed_name"), rs.getString("note"), rs.getBoolean("automatic")));
                    }
                }
                return out;
            }
        });
    }

    /** Inserts the tick; false when the item was already ticked (nothing changed). */
    static boolean insert(Connection c, ChecklistTick t) {
        return Sql.doing("tick checklist item " + t.itemId(), () -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO checklist_tick (crisis_id, checklist_id, "
                    + "item_id, ticked_by, at, signed_name, note, automatic) SELECT ?,?,?,?,?,?,?,? WHERE NOT EXISTS "
                    + "(SELECT 1 FROM checklist_tick WHERE crisis_id=? AND checklist_id=? AND item_id=?)")) {
                ps.setLong(1, t.crisisId());
                ps.setString(2, t.checklistId());
                ps.setString(3, t.itemId());
                ps.setString(4, t.by());
                Jdbc.setInstant(ps, 5, t.at());
                ps.setString(6, t.signedName());
                ps.setString(7, PlainText.clip(t.note(), 300));
                ps.setBoolean(8, t.automatic());
                ps.setLong(9, t.crisisId());
                ps.setString(10, t.checklistId());
                ps.setString(11, t.itemId());
                return ps.executeUpdate() == 1;
            }
        });
    }

    static boolean delete(Connection c, long crisisId, String checklistId, String itemId) {
        return Sql.doing("untick checklist item " + itemId, () -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM checklist_tick WHERE crisis_id=? AND checklist_id=? AND item_id=?")) {
                ps.setLong(1, crisisId);
                ps.setString(2, checklistId);
                ps.setString(3, itemId);
                return ps.executeUpdate() == 1;
            }
        });
    }
}
