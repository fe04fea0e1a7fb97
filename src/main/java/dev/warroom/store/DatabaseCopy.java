package dev.warroom.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Copies a local War Room database (H2) into an empty team database, table by table in one transaction on the
 * target: every row of every War Room table, with the same ids, then the id counters moved past them. The row
 * counts are compared before the transaction commits; any difference rolls the whole copy back.
 */
public final class DatabaseCopy {
    private static final int BATCH = 1000;
    private static final Set<String> NOT_COPIED = Set.of("flyway_schema_history", "team_change", "team_presence");

    private DatabaseCopy() {
    }

    /** Table name → rows copied (equal in both databases). */
    public record Result(Map<String, Long> rows) {
        public long total() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public static Result copy(Database from, Database to) {
        if (to.readOnly()) {
            throw new StoreException("The " + to.location() + " is read-only (" + to.readOnlyReason()
                    + "); nothing was copied.");
        }
        try (Connection src = from.dataSource().getConnection(); Connection dst = to.dataSource().getConnection()) {
            List<String> tables = tablesInOrder(src);
            Set<String> targetTables = tableNames(dst);
            for (String t : tables) {
                if (!targetTables.contains(t)) {
                    throw new StoreException("The " + to.location() + " has no table \"" + t + "\" (its War Room "
                            + "version is older than the local one); nothing was copied.");
                }
            }
            Map<String, Long> nonEmpty = new LinkedHashMap<>();
            for (String t : tables) {
                long n = count(dst, t);
                if (n > 0) {
                    nonEmpty.put(t, n);
                }
            }
            if (!nonEmpty.isEmpty()) {
                throw new StoreException("The " + to.location() + " is not empty (" + describe(nonEmpty)
                        + "); War Room copies only into an empty team database, so nothing was copied. "
                        + "Create a new database for this crisis.");
            }
            src.setAutoCommit(false);
            dst.setAutoCommit(false);
            try {
                try (PreparedStatement lock = dst.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
                    lock.setInt(1, TeamSession.LOCK_SPACE);
                    lock.setInt(2, TeamSession.WRITE_LOCK);
                    lock.execute();
                }
                Map<String, Long> copied = new LinkedHashMap<>();
                for (String t : tables) {
                    copied.put(t, copyTable(src, dst, t));
                }
                for (String t : tables) {
                    long there = count(dst, t);
                    long here = count(src, t);
                    if (there != here || copied.get(t) != here) {
                        throw new StoreException("The copy of table \"" + t + "\" does not match (" + here
                                + " rows here, " + there + " there); nothing was copied.");
                    }
                    moveIdentityPastCopiedRows(dst, t);
                }
                try (Statement st = dst.createStatement()) {
                    st.execute("UPDATE team_change SET seq = seq + 1 WHERE id = 1");
                    st.execute("SELECT pg_notify('" + TeamSession.CHANGE_CHANNEL + "', (SELECT seq FROM team_change "
                            + "WHERE id = 1) || ' copy')");
                }
                dst.commit();
                src.rollback();
                return new Result(copied);
            } catch (SQLException | RuntimeException e) {
                dst.rollback();
                src.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Could not copy " + from.location() + " to the " + to.location() + ": "
                    + TeamErrors.firstLine(e) + ". Nothing was copied.", e);
        }
    }

    private static String describe(Map<String, Long> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((t, n) -> parts.add(t + ": " + n + (n == 1 ? " row" : " rows")));
        return String.join(", ", parts);
    }

    /** The source's tables, parents before the tables that refer to them. */
    private static List<String> tablesInOrder(Connection c) throws SQLException {
        Set<String> names = tableNames(c);
        DatabaseMetaData meta = c.getMetaData();
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        for (String t : names) {
            Set<String> p = new LinkedHashSet<>();
            try (ResultSet rs = meta.getImportedKeys(null, schema(c), upper(c, t))) {
                while (rs.next()) {
                    String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!parent.equals(t)) {
                        p.add(parent);
                    }
                }
            }
            parents.put(t, p);
        }
        List<String> order = new ArrayList<>();
        while (order.size() < names.size()) {
            boolean progressed = false;
            for (String t : names) {
                if (!order.contains(t) && order.containsAll(parents.get(t))) {
                    order.add(t);
                    progressed = true;
                }
            }
            if (!progressed) {
                throw new StoreException("The local database's tables refer to each other in a circle; War Room "
                        + "cannot copy it.");
            }
        }
        return order;
    }

    private static String schema(Connection c) throws SQLException {
        return c.getSchema();
    }

    private static String upper(Connection c, String table) throws SQLException {
        return Dialect.of(c) == Dialect.H2 ? table.toUpperCase(Locale.ROOT) : table;
    }

    private static Set<String> tableNames(Connection c) throws SQLException {
        Set<String> names = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT table_name FROM information_schema.tables "
                + "WHERE LOWER(table_schema) = LOWER(?) AND table_type IN ('BASE TABLE', 'TABLE') ORDER BY table_name")) {
            ps.setString(1, c.getSchema());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1).toLowerCase(Locale.ROOT);
                    if (!NOT_COPIED.contains(name)) {
                        names.add(name);
                    }
                }
            }
        }
        return names;
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long copyTable(Connection src, Connection dst, String table) throws SQLException {
        long rows = 0;
        try (Statement st = src.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = rs.getMetaData();
            int n = meta.getColumnCount();
            List<String> cols = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                cols.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
            }
            String sql = "INSERT INTO " + table + " (" + String.join(", ", cols) + ") OVERRIDING SYSTEM VALUE VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(n, "?")) + ")";
            try (PreparedStatement ps = dst.prepareStatement(sql)) {
                int pending = 0;
                while (rs.next()) {
                    for (int i = 1; i <= n; i++) {
                        int type = meta.getColumnType(i);
                        if (type == Types.CLOB || type == Types.NCLOB) {
                            ps.setString(i, rs.getString(i));
                        } else {
                            Object v = rs.getObject(i);
                            if (v == null) {
                                ps.setNull(i, type == Types.TIMESTAMP_WITH_TIMEZONE ? Types.TIMESTAMP_WITH_TIMEZONE : Types.NULL);
                            } else {
                                ps.setObject(i, v);
                            }
                        }
                    }
                    ps.addBatch();
                    rows++;
                    if (++pending == BATCH) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    ps.executeBatch();
                }
            }
        }
        return rows;
    }

    private static void moveIdentityPastCopiedRows(Connection dst, String table) throws SQLException {
        List<String> identities = new ArrayList<>();
        try (PreparedStatement ps = dst.prepareStatement("SELECT column_name FROM information_schema.columns "
                + "WHERE table_schema = current_schema() AND table_name = ? AND is_identity = 'YES'")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    identities.add(rs.getString(1));
                }
            }
        }
        for (String col : identities) {
            try (PreparedStatement ps = dst.prepareStatement("SELECT setval(pg_get_serial_sequence(?, ?), "
                    + "COALESCE((SELECT MAX(" + col + ") FROM " + table + "), 0) + 1, false)")) {
                ps.setString(1, table);
                ps.setString(2, col);
                ps.execute();
            }
        }
    }
}
