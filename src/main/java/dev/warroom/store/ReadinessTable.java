package dev.warroom.store;

import dev.warroom.domain.plan.ReadinessAssessment;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

final class ReadinessTable {
    private ReadinessTable() {
    }

    /** Inserts, or replaces the assessment of the same date when its version is still {@code expectedVersion}. */
    static ReadinessAssessment save(Connection c, ReadinessAssessment a, String by, java.time.Instant at) {
        return Sql.doing("save the readiness assessment of " + a.date(), () -> {
            Optional<ReadinessAssessment> existing = all(c).stream().filter(x -> x.date().equals(a.date())).findFirst();
            String checks = String.join(",", a.checks().stream().sorted().toList());
            if (existing.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO readiness_assessment (current_users, "
                        + "tested_users, target_users, bottleneck, action, checks, assessed_by, at, assessed_on, "
                        + "version) VALUES (?,?,?,?,?,?,?,?,?,0)", Statement.RETURN_GENERATED_KEYS)) {
                    bind(ps, a, checks, by, at);
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        return a.recorded(by, at, keys.getLong(1), 0);
                    }
                }
            }
            ReadinessAssessment old = existing.get();
            if (a.id() != 0 && old.version() != a.version()) {
                throw new StaleUpdateException("The assessment of " + a.date() + " was changed elsewhere since you "
                        + "loaded it. Nothing was overwritten; look at it again.");
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE readiness_assessment SET current_users=?, "
                    + "tested_users=?, target_users=?, bottleneck=?, action=?, checks=?, assessed_by=?, at=?, "
                    + "version=version+1 WHERE assessed_on=? AND version=?")) {
                bind(ps, a, checks, by, at);
                ps.setLong(10, old.version());
                if (ps.executeUpdate() != 1) {
                    throw new StaleUpdateException("The assessment of " + a.date() + " changed meanwhile.");
                }
            }
            return a.recorded(by, at, old.id(), old.version() + 1);
        });
    }

    private static void bind(PreparedStatement ps, ReadinessAssessment a, String checks, String by,
                             java.time.Instant at) throws java.sql.SQLException {
        ps.setLong(1, a.current());
        ps.setLong(2, a.tested());
        ps.setLong(3, a.target());
        ps.setString(4, a.bottleneck());
        ps.setString(5, a.action());
        ps.setString(6, checks);
        ps.setString(7, by);
        Jdbc.setInstant(ps, 8, at);
        ps.setDate(9, Date.valueOf(a.date()));
    }

    /** Oldest first, so progress reads left to right. */
    static List<ReadinessAssessment> all(Connection c) {
        return Sql.doing("read readiness assessments", () -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM readiness_assessment ORDER BY assessed_on");
                 ResultSet rs = ps.executeQuery()) {
                List<ReadinessAssessment> out = new ArrayList<>();
                while (rs.next()) {
                    String checks = rs.getString("checks");
                    Set<String> set = checks.isEmpty() ? Set.of()
                            : Arrays.stream(checks.split(",")).collect(Collectors.toSet());
                    out.add(new ReadinessAssessment(rs.getLong("id"), rs.getDate("assessed_on").toLocalDate(),
                            rs.getLong("current_users"), rs.getLong("tested_users"), rs.getLong("target_users"),
                            rs.getString("bottleneck"), rs.getString("action"), set, rs.getString("assessed_by"),
                            Jdbc.instant(rs, "at"), rs.getLong("version")));
                }
                return out;
            }
        });
    }
}
