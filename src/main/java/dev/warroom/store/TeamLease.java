package dev.warroom.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A job only one client of the team database may do at a time (delivering sent messages): whoever holds a
 * PostgreSQL session advisory lock on a connection of its own. The server releases the lock the moment that
 * connection ends (the client quit, crashed or lost the network); the next {@link #tryHold()} of another
 * client then takes over.
 */
public final class TeamLease implements AutoCloseable {
    private final TeamPool pool;
    private final int key;
    private Connection held;
    private boolean closed;

    TeamLease(TeamPool pool, int key) {
        this.pool = pool;
        this.key = key;
    }

    /** Takes the lock when it is free; true while this client holds it. Cheap to call before every job. */
    public synchronized boolean tryHold() {
        if (closed) {
            return false;
        }
        if (held != null) {
            if (alive(held)) {
                return true;
            }
            drop();
        }
        Connection c = null;
        try {
            c = pool.dedicated();
            c.setNetworkTimeout(Runnable::run, 3000);
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
                ps.setInt(1, TeamSession.LOCK_SPACE);
                ps.setInt(2, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        held = c;
                        return true;
                    }
                }
            }
        } catch (SQLException e) {
            // not reachable now: not the holder
        }
        closeQuietly(c);
        return false;
    }

    /** True while this client holds the lock (as far as it knows). */
    public synchronized boolean holding() {
        return held != null;
    }

    /** The connection that holds the lock, or null when this client does not hold it. Never close it. */
    synchronized Connection connection() {
        return held;
    }

    private static boolean alive(Connection c) {
        try (Statement st = c.createStatement()) {
            st.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private void drop() {
        closeQuietly(held);
        held = null;
    }

    /** Gives the job up (another client takes over on its next try). */
    @Override
    public synchronized void close() {
        closed = true;
        drop();
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // gone
            }
        }
    }
}
