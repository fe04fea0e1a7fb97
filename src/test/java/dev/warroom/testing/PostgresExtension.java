package dev.warroom.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class databases on one private PostgreSQL cluster (see {@link PostgresCluster}) that is
 * started once per test run and removed when the run ends. Each test asks {@link #newDatabase()} for a fresh,
 * empty database; the class's databases are dropped after the class.
 *
 * <p>Where PostgreSQL is not installed, {@link #cluster()} skips the asking test with the reason printed, so the
 * H2 half of a parameterised suite still runs.
 */
public final class PostgresExtension implements BeforeAllCallback, AfterAllCallback {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final Object LOCK = new Object();
    private static volatile Holder holder;
    private static volatile String unavailable;
    private static final List<String> CREATED = new ArrayList<>();
    private static boolean reasonPrinted;

    /** Owns the cluster for the whole test run: JUnit closes it when the root context ends. */
    private record Holder(PostgresCluster cluster) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            cluster.close();
            holder = null;
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ExtensionContext.Store root = context.getRoot().getStore(ExtensionContext.Namespace.create(PostgresExtension.class));
        root.getOrComputeIfAbsent("cluster", k -> startOrExplain(), Object.class);
    }

    private static Object startOrExplain() {
        Optional<Path> bin = PostgresCluster.binaries();
        if (bin.isEmpty()) {
            unavailable = "PostgreSQL is not installed (no initdb/pg_ctl under /usr/lib/postgresql/*/bin; "
                    + "install the Debian package postgresql or set WARROOM_PG_BIN)";
            return "absent";
        }
        try {
            Holder h = new Holder(PostgresCluster.start(bin.get()));
            holder = h;
            return h;
        } catch (Exception e) {
            unavailable = "the private PostgreSQL cluster did not start: " + e.getMessage();
            return "failed";
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        List<String> mine;
        synchronized (CREATED) {
            mine = new ArrayList<>(CREATED);
            CREATED.clear();
        }
        Holder h = holder;
        if (h != null) {
            for (String name : mine) {
                h.cluster().dropDatabase(name);
            }
        }
    }

    /** The running cluster; skips the calling test (printing why) when PostgreSQL is unavailable. */
    public static PostgresCluster cluster() {
        Holder h = holder;
        if (h == null) {
            String why = unavailable != null ? unavailable
                    : "the test class is not annotated with @ExtendWith(PostgresExtension.class)";
            synchronized (LOCK) {
                if (!reasonPrinted) {
                    System.out.println("PostgreSQL tests skipped: " + why);
                    reasonPrinted = true;
                }
            }
            Assumptions.abort("PostgreSQL tests skipped: " + why);
        }
        return h.cluster();
    }

    /** Creates a new empty database on the cluster and returns its name; it is dropped after the test class. */
    public static String newDatabase() {
        PostgresCluster cluster = cluster();
        String name = "wr_test_" + NEXT.incrementAndGet();
        cluster.createDatabase(name);
        synchronized (CREATED) {
            CREATED.add(name);
        }
        return name;
    }
}
