package dev.warroom.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;

/**
 * A small pool of PostgreSQL connections for one War Room client: a few connections kept open, checked
 * before reuse when they have been idle, and dropped when they failed. Closing a borrowed connection hands it
 * back. (A general-purpose pool would bring its own logging stack; this is all a desktop client needs.)
 */
final class TeamPool extends DelegatingDataSource implements AutoCloseable {
    private static final int MAX_IDLE = 4;
    private static final long CHECK_AFTER_IDLE_NANOS = 2_000_000_000L;

    private final String url;
    private final Properties properties;
    private final Deque<Idle> idle = new ArrayDeque<>();
    private boolean closed;

    private record Idle(Connection connection, long since) {
    }

    TeamPool(String url, Properties properties) {
        this.url = url;
        this.properties = properties;
    }

    /** A new connection outside the pool (for LISTEN, the recorder's lock, the health probe). */
    Connection dedicated() throws SQLException {
        return DriverManager.getConnection(url, properties);
    }

    @Override
    public Connection getConnection() throws SQLException {
        while (true) {
            Idle candidate;
            synchronized (this) {
                if (closed) {
                    throw new SQLException("The team database connection is closed", "08003");
                }
                candidate = idle.pollFirst();
            }
            if (candidate == null) {
                return wrap(dedicated());
            }
            boolean stale = System.nanoTime() - candidate.since() > CHECK_AFTER_IDLE_NANOS;
            if (!stale || candidate.connection().isValid(2)) {
                return wrap(candidate.connection());
            }
            quietlyClose(candidate.connection());
        }
    }

    /** Drops every idle connection (after the server went away, so the next borrow connects afresh). */
    void evictIdle() {
        Deque<Idle> old;
        synchronized (this) {
            old = new ArrayDeque<>(idle);
            idle.clear();
        }
        old.forEach(i -> quietlyClose(i.connection()));
    }

    private Connection wrap(Connection real) {
        boolean[] broken = {false};
        boolean[] returned = {false};
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        if (!returned[0]) {
                            returned[0] = true;
                            giveBack(real, broken[0]);
                        }
                        return null;
                    }
                    if (method.getName().equals("isClosed") && returned[0]) {
                        return true;
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        if (e.getCause() instanceof SQLException sql && TeamErrors.connectionLost(sql)) {
                            broken[0] = true;
                        }
                        throw e.getCause();
                    }
                });
    }

    private void giveBack(Connection real, boolean broken) {
        boolean keep = !broken;
        try {
            if (keep && !real.getAutoCommit()) {
                real.rollback();
                real.setAutoCommit(true);
            }
        } catch (SQLException e) {
            keep = false;
        }
        synchronized (this) {
            keep = keep && !closed && idle.size() < MAX_IDLE;
            if (keep) {
                idle.addFirst(new Idle(real, System.nanoTime()));
            }
        }
        if (!keep) {
            quietlyClose(real);
        }
    }

    private static void quietlyClose(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // going away anyway
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        evictIdle();
    }
}
