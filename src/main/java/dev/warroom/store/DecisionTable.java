package dev.warroom.store;

import dev.warroom.domain.plan.Decision;
import dev.warroom.domain.plan.DecisionInputs;
import dev.warroom.domain.plan.Quadrant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Recorded decisions: inserted, never changed (the history of calls). */
final class DecisionTable {
    private DecisionTable() {
    }

    static Decision insert(Connection c, Decision d) {
        return Sql.doing("record the decision", () -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO decision (crisis_id, at, decided_by, "
                    + "stability, growth_per_hour, revenue_per_hour, window_days, suggested, chosen, rationale) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, d.crisisId());
                Jdbc.setInstant(ps, 2, d.at());
                ps.setString(3, d.by());
                ps.setInt(4, d.inputs().stability());
                ps.setDouble(5, d.inputs().growthPerHour());
                ps.setDouble(6, d.inputs().revenuePerHour());
                ps.setInt(7, d.inputs().windowDays());
                ps.setString(8, d.suggested().name());
                ps.setString(9, d.chosen().name());
                ps.setString(10, d.rationale());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return new Decision(keys.getLong(1), d.crisisId(), d.at(), d.by(), d.inputs(), d.suggested(),
                            d.chosen(), d.rationale());
                }
            }
        });
    }

    /** Every decision, newest first. */
    static List<Decision> all(Connection c) {
        return Sql.doing("read decisions", () -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM decision ORDER BY at DESC, id DESC");
                 ResultSet rs = ps.executeQuery()) {
                List<Decision> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Decision(rs.getLong("id"), rs.getLong("crisis_id"), Jdbc.instant(rs, "at"),
                            rs.getString("decided_by"), new DecisionInputs(rs.getInt("stability"),
                            rs.getDouble("growth_per_hour"), rs.getDouble("revenue_per_hour"),
                            rs.getInt("window_days")), Quadrant.valueOf(rs.getString("suggested")),
                            Quadrant.valueOf(rs.getString("chosen")), rs.getString("rationale")));
                }
                return out;
            }
        });
    }
}
