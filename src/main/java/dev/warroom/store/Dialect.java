package dev.warroom.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The two SQL dialects War Room speaks. Almost every statement is the same on both; the differences are
 * "insert or replace" (H2's {@code MERGE … KEY}, PostgreSQL's {@code INSERT … ON CONFLICT}) and the migration
 * folders.
 */
enum Dialect {
    H2("classpath:db/migration", "classpath:db/h2"),
    POSTGRESQL("classpath:db/migration", "classpath:db/postgresql");

    private final String[] migrations;

    Dialect(String... migrations) {
        this.migrations = migrations;
    }

    /** Flyway locations: the shared folder plus this dialect's own. */
    String[] migrations() {
        return migrations.clone();
    }

    /** The dialect of an open connection (the drivers answer from memory, without a round trip). */
    static Dialect of(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")
                ? POSTGRESQL : H2;
    }

    /**
     * Insert, or replace the row with the same key: {@code columns} are bound in order as parameters; on
     * PostgreSQL every non-key column takes the new value.
     */
    String upsert(String table, java.util.List<String> keys, java.util.List<String> columns) {
        String cols = String.join(", ", columns);
        String params = String.join(", ", java.util.Collections.nCopies(columns.size(), "?"));
        if (this == H2) {
            return "MERGE INTO " + table + " (" + cols + ") KEY (" + String.join(", ", keys) + ") VALUES (" + params
                    + ")";
        }
        String set = columns.stream().filter(c -> !keys.contains(c)).map(c -> c + " = EXCLUDED." + c)
                .reduce((a, b) -> a + ", " + b).orElseThrow();
        return "INSERT INTO " + table + " (" + cols + ") VALUES (" + params + ") ON CONFLICT ("
                + String.join(", ", keys) + ") DO UPDATE SET " + set;
    }
}
