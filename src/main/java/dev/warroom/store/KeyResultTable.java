package dev.warroom.store;

import dev.warroom.domain.plan.ManualKeyResult;
import dev.warroom.domain.plan.OkrStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

final class KeyResultTable {
    private KeyResultTable() {
    }

    static List<ManualKeyResult> forCrisis(Connection c, long crisisId) {
        return Sql.doing("read key results", () -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM key_result_manual WHERE crisis_id=? ORDER BY key_result_id")) {
                ps.setLong(1, crisisId);
                List<ManualKeyResult> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ManualKeyResult(rs.getLong("crisis_id"), rs.getString("key_result_id"),
                                OkrStatus.valueOf(rs.getString("status")), rs.getString("note"),
                                rs.getString("set_by"), Jdbc.instant(rs, "at"), rs.getLong("version")));
                    }
                }
                return out;
            }
        });
    }

    /**
     * Saves {@code kr}: inserts when {@code kr.version()} is -1 (nothing stored yet), otherwise updates if the
     * stored version is still {@code kr.version()}.
     */
    static ManualKeyResult save(Connection c, ManualKeyResult kr) {
        return Sql.doing("save key result " + kr.keyResultId(), () -> {
            boolean insert = kr.version() < 0;
            String sql = insert
                    ? "INSERT INTO key_result_manual (status, note, set_by, at, crisis_id, key_result_id, version) "
                            + "SELECT ?,?,?,?,?,?,0 WHERE NOT EXISTS (SELECT 1 FROM key_result_manual "
                            + "WHERE crisis_id=? AND key_result_id=?)"
                    : "UPDATE key_result_manual SET status=?, note=?, set_by=?, at=?, version=version+1 "
                            + "WHERE crisis_id=? AND key_result_id=? AND version=?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, kr.status().name());
                ps.setString(2, kr.note());
                ps.setString(3, kr.by());
                Jdbc.setInstant(ps, 4, kr.at());
                ps.setLong(5, kr.crisisId());
                ps.setString(6, kr.keyResultId());
                if (insert) {
                    ps.setLong(7, kr.crisisId());
                    ps.setString(8, kr.keyResultId());
                } else {
                    ps.setLong(7, kr.version());
                }
                if (ps.executeUpdate() != 1) {
                    throw new StaleUpdateException("Key result \"" + kr.keyResultId() + "\" was set elsewhere since "
                            + "you loaded it. Nothing was overwritten; look at it again.");
                }
            }
            return new ManualKeyResult(kr.crisisId(), kr.keyResultId(), kr.status(), kr.note(), kr.by(), kr.at(),
                    insert ? 0 : kr.version() + 1);
        });
    }
}
