package dev.warroom.store;

import java.sql.SQLException;

/** Turns a checked SQLException into a StoreException that says what was being done. */
final class Sql {
    @FunctionalInterface
    interface Work<T> {
        T run() throws SQLException;
    }

    private Sql() {
    }

    static <T> T doing(String what, Work<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new StoreException("Could not " + what + ": " + e.getMessage(), e);
        }
    }
}
