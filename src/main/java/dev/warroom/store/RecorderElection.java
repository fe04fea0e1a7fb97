package dev.warroom.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Elects the one client that polls the metric sources and records samples: whoever holds PostgreSQL's
 * session advisory lock. The lock lives on a connection of its own; the server releases it the moment that
 * connection ends (the client quit, crashed or lost the network), and the next {@link #tryLead()} of another
 * client takes over. Samples are written through that same connection, so a client that has lost the lock
 * can never write one: samples are never recorded twice.
 */
public final class RecorderElection implements AutoCloseable {
    private final TeamSession session;
    private final TeamPool pool;
    private Connection held;

    RecorderElection(TeamSession session, TeamPool pool) {
        this.session = session;
        this.pool = pool;
    }

    /**
     * Takes the recorder's lock when it is free; true while this client holds it. Call once per polling interval:
     * a dead recorder is replaced within two intervals.
     */
    public synchronized boolean tryLead() {
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
                ps.setInt(2, TeamSession.RECORDER_LOCK);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        held = c;
                        session.setRecording(true);
                        return true;
                    }
                }
            }
        } catch (SQLException e) {
            // not reachable now: not the recorder
        }
        closeQuietly(c);
        return false;
    }

    /** True while this client holds the lock (as far as it knows). */
    public synchronized boolean leading() {
        return held != null;
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

    /**
     * The sample archive as the recorder writes it: reads from the pool, writes only through the lock's
     * connection. Writing while not leading fails with a {@link StoreException} and stores nothing.
     */
    public SampleRepository samples() {
        DataSource writes = new LockedWrites();
        return new SampleRepository(pool, writes, SampleRetention.DEFAULT);
    }

    /** Hands out the lock's connection (never closed by its borrower) while this client leads. */
    private final class LockedWrites extends DelegatingDataSource {
        @Override
        public Connection getConnection() throws SQLException {
            Connection c;
            synchronized (RecorderElection.this) {
                c = held;
            }
            if (c == null) {
                throw new SQLException("This War Room is not the one recording metric samples", "55000");
            }
            Connection real = c;
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            if (!real.getAutoCommit()) {
                                real.rollback();
                                real.setAutoCommit(true);
                            }
                            return null;
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }

    /** Gives up recording (another client takes over on its next try). */
    @Override
    public synchronized void close() {
        if (held != null) {
            session.setRecording(false);
            drop();
        }
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
