package dev.warroom.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
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
    private final TeamLease lease;

    RecorderElection(TeamSession session, TeamPool pool) {
        this.session = session;
        this.pool = pool;
        this.lease = new TeamLease(pool, TeamSession.RECORDER_LOCK);
    }

    /**
     * Takes the recorder's lock when it is free; true while this client holds it. Call once per polling interval:
     * a dead recorder is replaced within two intervals.
     */
    public synchronized boolean tryLead() {
        boolean before = lease.holding();
        boolean now = lease.tryHold();
        if (now && !before) {
            session.setRecording(true);
        }
        return now;
    }

    /** True while this client holds the lock (as far as it knows). */
    public synchronized boolean leading() {
        return lease.holding();
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
            Connection c = lease.connection();
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
        if (lease.holding()) {
            session.setRecording(false);
        }
        lease.close();
    }
}
