package dev.warroom.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The embedded H2 database behind one War Room window. Opening it migrates the schema with Flyway;
 * every change runs through {@link #write} as one transaction.
 *
 * <p>{@code WRITE_DELAY=0} makes every acknowledged commit durable against a crash (see STACK.md);
 * H2's file lock keeps a second process out, reported as {@link DatabaseOpenException.Problem#LOCKED}.
 */
public final class Database implements AutoCloseable {
    public static final String FILE_SUFFIX = ".mv.db";
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;
    private static final byte[] H2_HEADER = "H:2,".getBytes(StandardCharsets.US_ASCII);

    private final Path file;
    private final JdbcConnectionPool pool;
    private final String readOnlyReason;

    private Database(Path file, JdbcConnectionPool pool, String readOnlyReason) {
        this.file = file;
        this.pool = pool;
        this.readOnlyReason = readOnlyReason;
    }

    /**
     * Opens (creating if needed) the database at {@code requested}, which may be given with or without
     * H2's ".mv.db" suffix. A schema newer than this app opens read-only; see {@link #readOnlyReason()}.
     */
    public static Database open(Path requested) {
        Path base = baseName(requested.toAbsolutePath().normalize());
        Path file = base.resolveSibling(base.getFileName() + FILE_SUFFIX);
        prepare(file);
        JdbcConnectionPool pool = connect(file, url(base, false));
        try {
            Flyway flyway = flyway(pool);
            MigrationInfoService info = flyway.info();
            List<MigrationInfo> future = Arrays.stream(info.applied())
                    .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS
                            || m.getState() == MigrationState.FUTURE_FAILED)
                    .toList();
            if (!future.isEmpty()) {
                pool.dispose();
                String newest = future.stream().max(Comparator.comparing(MigrationInfo::getVersion))
                        .map(m -> m.getVersion().getVersion()).orElse("?");
                String known = Arrays.stream(info.all())
                        .filter(m -> m.getState().isResolved() && m.getVersion() != null)
                        .max(Comparator.comparing(MigrationInfo::getVersion))
                        .map(m -> m.getVersion().getVersion()).orElse("none");
                String reason = "it was written by a newer War Room (schema " + newest + ", this version knows up to "
                        + known + "). Update War Room to change it.";
                return new Database(file, connect(file, url(base, true)), reason);
            }
            flyway.migrate();
            return new Database(file, pool, null);
        } catch (RuntimeException e) {
            pool.dispose();
            if (e instanceof DatabaseOpenException d) {
                throw d;
            }
            throw new DatabaseOpenException(DatabaseOpenException.Problem.NOT_A_DATABASE, file,
                    file + " holds an H2 database that is not a War Room database, or its schema is damaged ("
                            + rootMessage(e) + "). Nothing was changed. Pick another file with --db.", e);
        }
    }

    private static Flyway flyway(JdbcConnectionPool pool) {
        return Flyway.configure().dataSource(pool).locations("classpath:db/migration").load();
    }

    private static Path baseName(Path p) {
        String name = p.getFileName().toString();
        if (name.endsWith(FILE_SUFFIX)) {
            return p.resolveSibling(name.substring(0, name.length() - FILE_SUFFIX.length()));
        }
        return p;
    }

    private static String url(Path base, boolean readOnly) {
        return "jdbc:h2:file:" + base + ";WRITE_DELAY=0" + (readOnly ? ";ACCESS_MODE_DATA=r" : "");
    }

    private static void prepare(Path file) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new DatabaseOpenException(DatabaseOpenException.Problem.NOT_WRITABLE, file,
                    "Cannot create the folder " + file.getParent() + " for the database: " + e.getMessage(), e);
        }
        if (Files.exists(file) && !looksLikeH2(file)) {
            throw new DatabaseOpenException(DatabaseOpenException.Problem.NOT_A_DATABASE, file,
                    file + " is not an H2 database file, so War Room cannot use it. It was left untouched. "
                            + "Pick another file with --db.", null);
        }
    }

    private static boolean looksLikeH2(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(H2_HEADER.length);
            return head.length == 0 || Arrays.equals(head, H2_HEADER);
        } catch (IOException e) {
            throw new DatabaseOpenException(DatabaseOpenException.Problem.NOT_WRITABLE, file,
                    "Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static JdbcConnectionPool connect(Path file, String url) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(4);
        try (Connection probe = pool.getConnection()) {
            return pool;
        } catch (SQLException e) {
            pool.dispose();
            if (e.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                throw new DatabaseOpenException(DatabaseOpenException.Problem.LOCKED, file,
                        "The database " + file + " is already open in another War Room window. "
                                + "Use that window, or start this one with --db pointing at another file.", e);
            }
            throw new DatabaseOpenException(DatabaseOpenException.Problem.FAILED, file,
                    "Cannot open the database " + file + ": " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    /** The ".mv.db" file on disk. */
    public Path file() {
        return file;
    }

    public boolean readOnly() {
        return readOnlyReason != null;
    }

    /** Why the database is read-only, or null when it is writable. */
    public String readOnlyReason() {
        return readOnlyReason;
    }

    /** Runs {@code work} in one transaction and commits it; any exception rolls everything back. */
    public <T> T write(Function<Tx, T> work) {
        if (readOnly()) {
            throw new ReadOnlyException(readOnlyReason);
        }
        return run(work, false);
    }

    /** Runs {@code work} against a consistent read. */
    public <T> T read(Function<Tx, T> work) {
        return run(work, true);
    }

    private <T> T run(Function<Tx, T> work, boolean readOnlyWork) {
        CallGuard.check();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.apply(new Tx(c));
                if (readOnlyWork) {
                    c.rollback();
                } else {
                    c.commit();
                }
                return result;
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("Database error on " + file + ": " + e.getMessage(), e);
        }
    }

    /** The metric sample archive in this database (batched inserts, chart ranges, retention). */
    public SampleRepository samples() {
        return new SampleRepository(CallGuard.guard(pool));
    }

    /** Closes the connection pool; closing twice is harmless. */
    @Override
    public void close() {
        pool.dispose();
    }
}
