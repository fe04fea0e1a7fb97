package dev.warroom.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import javax.sql.DataSource;

/**
 * A check on every database call: when the system property {@value #FORBIDDEN_THREAD} names a thread (the
 * test build sets it to the FX application thread), a call made on that thread fails at once. The store
 * knows nothing of JavaFX; it only compares thread names. Off unless the property is set.
 */
public final class CallGuard {
    /** System property holding the name of the thread that must never call the database. */
    public static final String FORBIDDEN_THREAD = "warroom.store.forbiddenThread";

    private CallGuard() {
    }

    /** Fails when the current thread is the forbidden one. */
    public static void check() {
        String forbidden = System.getProperty(FORBIDDEN_THREAD);
        if (forbidden != null && !forbidden.isEmpty() && forbidden.equals(Thread.currentThread().getName())) {
            throw new IllegalStateException("Database call on the thread \"" + forbidden
                    + "\": this thread must never wait on the database; run the call through a task runner");
        }
    }

    /** {@code source} with the check in front of every {@code getConnection}. */
    static DataSource guard(DataSource source) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        check();
                    }
                    try {
                        return method.invoke(source, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
