package dev.warroom.store;

import java.sql.SQLException;

/** Turns a checked SQLException into a StoreException that says what was being done. */
final class Sql {
    @FunctionalInterface
    interface Work<T> {
        T run() throws SQLException;
    }

    /** H2's "deadlock detected" and "lock timeout": another writer holds the same rows. */
    private static final int DEADLOCK = 40001;
    private static final int LOCK_TIMEOUT = 50200;

    private Sql() {
    }

    static boolean isConflict(SQLException e) {
        return e.getErrorCode() == DEADLOCK || e.getErrorCode() == LOCK_TIMEOUT || "40001".equals(e.getSQLState());
    }

    /** A refusal in plain words: nothing was saved, and doing it again is safe. */
    static StaleUpdateException conflict(String what, SQLException e) {
        return new StaleUpdateException("Could not " + what + ": someone else was changing the same cards at the "
                + "same moment, so nothing was changed. Look at the board again and redo it.", e);
    }

    static <T> T doing(String what, Work<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            if (isConflict(e)) {
                throw conflict(what, e);
            }
            throw new StoreException("Could not " + what + ": " + e.getMessage(), e);
        }
    }
}
