package dev.warroom.store;

import dev.warroom.domain.BoardPolicy;
import dev.warroom.domain.Column;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

final class PolicyTable {
    private PolicyTable() {
    }

    static BoardPolicy load(Connection c, BoardPolicy fallback) {
        return Sql.doing("read WIP limits and SLAs", () -> {
            BoardPolicy policy = BoardPolicy.defaults().withWipLimit(Column.IN_PROGRESS, null)
                    .withSla(Column.REVIEW, null);
            boolean any = false;
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT board_column, wip_limit, sla_seconds FROM column_policy")) {
                while (rs.next()) {
                    any = true;
                    Column col = Column.valueOf(rs.getString(1));
                    int wip = rs.getInt(2);
                    policy = policy.withWipLimit(col, rs.wasNull() ? null : wip);
                    long sla = rs.getLong(3);
                    policy = policy.withSla(col, rs.wasNull() ? null : Duration.ofSeconds(sla));
                }
            }
            return any ? policy : fallback;
        });
    }

    static void save(Connection c, BoardPolicy policy) {
        Sql.doing("save WIP limits and SLAs", () -> {
            try (PreparedStatement ps = c.prepareStatement(Dialect.of(c).upsert("column_policy",
                    java.util.List.of("board_column"),
                    java.util.List.of("board_column", "wip_limit", "sla_seconds", "version")))) {
                for (Column col : Column.values()) {
                    ps.setString(1, col.name());
                    Integer wip = policy.wipLimit(col).map(l -> l.max()).orElse(null);
                    Long sla = policy.sla(col).map(s -> s.allowed().getSeconds()).orElse(null);
                    if (wip == null) {
                        ps.setNull(2, java.sql.Types.INTEGER);
                    } else {
                        ps.setInt(2, wip);
                    }
                    if (sla == null) {
                        ps.setNull(3, java.sql.Types.BIGINT);
                    } else {
                        ps.setLong(3, sla);
                    }
                    ps.setLong(4, 0);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }
}
