package dev.warroom.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The embedded H2 database behind one War Room window. Opening it migrates the schema with Flyway;
 * every change runs through {@link #write} as one transaction.
 *
 * <p>What opening guarantees:
 * <ul>
 * <li>A commit that returned is on disk in the file: {@code WRITE_DELAY=0} writes it before {@code commit} returns,
 * and after a crash (kill -9) {@link StoreFile} finds the newest complete state even where H2's own quick recovery
 * would miss it.</li>
 * <li>An existing file is looked at read-only first. A file that is empty, not H2, not War Room's, or damaged is
 * refused with a plain message and left byte-for-byte as it was; it is never initialised as a new database.</li>
 * <li>Before an existing database is migrated to a newer schema, a copy of it is written beside it
 * ({@link #migrationBackup()}).</li>
 * <li>A schema newer than this app, or a file without write permission, opens read-only with a reason.</li>
 * <li>H2 writes no {@code .trace.db} files ({@code TRACE_LEVEL_FILE=0}).</li>
 * </ul>
 * H2's file lock keeps a second process out, reported as {@link DatabaseOpenException.Problem#LOCKED}.
 */
public final class Database implements AutoCloseable {
    public static final String FILE_SUFFIX = ".mv.db";
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;
    private static final DateTimeFormatter BACKUP_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final Path file;
    private final DataSource pool;
    private final String readOnlyReason;
    private final Path migrationBackup;
    private final String location;
    private final TeamSession team;
    /** Write transactions committed through {@link #write}: see {@link #localChanges()}. */
    private final java.util.concurrent.atomic.AtomicLong commits = new java.util.concurrent.atomic.AtomicLong();
    /**
     * One writer at a time inside this process: H2 would otherwise let two transactions wait on each other's row
     * locks (card positions) until it reports a deadlock, or both read a column's count and break its WIP limit.
     */
    private final ReentrantLock writeLock = new ReentrantLock(true);

    private Database(Path file, JdbcConnectionPool pool, String readOnlyReason, Path migrationBackup) {
        this(file, pool, readOnlyReason, migrationBackup, file.toString(), null);
    }

    /** The seam for the team database: its connection pool, where it is, and the session that guards writes. */
    Database(Path file, DataSource pool, String readOnlyReason, Path migrationBackup, String location,
             TeamSession team) {
        this.file = file;
        this.pool = pool;
        this.readOnlyReason = readOnlyReason;
        this.migrationBackup = migrationBackup;
        this.location = location;
        this.team = team;
    }

    /**
     * Opens (creating if needed) the database at {@code requested}, which may be given with or without
     * H2's ".mv.db" suffix. A schema newer than this app, or a file without write permission, opens read-only;
     * see {@link #readOnlyReason()}.
     */
    public static Database open(Path requested) {
        return open(requested, false);
    }

    /**
     * Opens an existing database only to read it (reports, diagnosis): the file's bytes never change. A database
     * that needs a schema upgrade is refused rather than upgraded.
     */
    public static Database openReadOnly(Path requested) {
        return open(requested, true);
    }

    private static Database open(Path requested, boolean onlyToRead) {
        Path base = baseName(requested.toAbsolutePath().normalize());
        Path file = base.resolveSibling(base.getFileName() + FILE_SUFFIX);
        if (!Files.exists(file)) {
            if (onlyToRead) {
                throw new DatabaseOpenException(DatabaseOpenException.Problem.NOT_A_DATABASE, file,
                        "There is no War Room database at " + file + ". Name the one the app uses with --db.", null);
            }
            createFolder(file);
            JdbcConnectionPool pool = connect(file, url(base, false));
            try {
                flyway(pool).migrate();
            } catch (RuntimeException e) {
                pool.dispose();
                throw new DatabaseOpenException(DatabaseOpenException.Problem.FAILED, file,
                        "Cannot set up a new database in " + file + ": " + StoreFile.firstLine(rootCause(e)), e);
            }
            return new Database(file, pool, null, null);
        }
        refuseIfNotH2(file);
        StoreFile.Inspection inspection = StoreFile.inspect(file);
        boolean writable = Files.isWritable(file);
        if (inspection.hiddenCommits() && writable && !onlyToRead) {
            StoreFile.recordNewestState(file);
        }
        JdbcConnectionPool readOnly = connect(file, url(base, true));
        SchemaState schema;
        try {
            schema = SchemaState.of(readOnly, file);
        } catch (RuntimeException e) {
            readOnly.dispose();
            throw e;
        }
        if (schema.newerReason() != null) {
            return new Database(file, readOnly, schema.newerReason(), null);
        }
        if (onlyToRead || !writable) {
            if (schema.pending()) {
                readOnly.dispose();
                throw new DatabaseOpenException(DatabaseOpenException.Problem.NOT_WRITABLE, file, file
                        + " was written by an older War Room (schema " + schema.current() + ") and must be upgraded "
                        + "before it can be read, but " + (writable ? "it was opened only to read it"
                        : "the file is read-only (no write permission)") + ". Nothing was changed. Open it once "
                        + "with War Room (with write permission) to upgrade it; a backup is made first.", null);
            }
            return new Database(file, readOnly, onlyToRead ? "it was opened only to read it."
                    : "the file " + file + " is read-only (no write permission), so nothing can be changed. "
                    + "Give yourself write permission on it and restart War Room to work with it.", null);
        }
        readOnly.dispose();
        Path backup = schema.pending() ? backup(file, schema) : null;
        JdbcConnectionPool pool = connect(file, url(base, false));
        if (schema.pending()) {
            try {
                flyway(pool).migrate();
            } catch (RuntimeException e) {
                pool.dispose();
                throw new DatabaseOpenException(DatabaseOpenException.Problem.FAILED, file,
                        "Upgrading " + file + " from schema " + schema.current() + " failed ("
                                + StoreFile.firstLine(rootCause(e)) + "). The database as it was before is saved in "
                                + backup + ".", e);
            }
        }
        return new Database(file, pool, null, backup);
    }

    static Flyway flyway(DataSource dataSource) {
        return flyway(dataSource, Dialect.H2);
    }

    /** Flyway over the shared migrations plus the dialect's own folder. */
    static Flyway flyway(DataSource dataSource, Dialect dialect) {
        return Flyway.configure().dataSource(dataSource).locations(dialect.migrations()).load();
    }

    private static Path baseName(Path p) {
        String name = p.getFileName().toString();
        if (name.endsWith(FILE_SUFFIX)) {
            return p.resolveSibling(name.substring(0, name.length() - FILE_SUFFIX.length()));
        }
        return p;
    }

    private static String url(Path base, boolean readOnly) {
        return "jdbc:h2:file:" + base + ";WRITE_DELAY=0;TRACE_LEVEL_FILE=0" + (readOnly ? ";ACCESS_MODE_DATA=r" : "");
    }

    private static void createFolder(Path file) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new DatabaseOpenException(DatabaseOpenException.Problem.NOT_WRITABLE, file,
                    "Cannot create the folder " + file.getParent() + " for the database: " + e.getMessage(), e);
        }
    }

    private static void refuseIfNotH2(Path file) {
        long size;
        try {
            size = Files.isRegularFile(file) ? Files.size(file) : -1;
        } catch (IOException e) {
            throw new DatabaseOpenException(DatabaseOpenException.Problem.NOT_WRITABLE, file,
                    "Cannot read " + file + ": " + e.getMessage(), e);
        }
        if (size < 0) {
            throw new DatabaseOpenException(DatabaseOpenException.Problem.NOT_A_DATABASE, file,
                    file + " is not a file, so War Room cannot use it as its database. Pick another file with --db.",
                    null);
        }
        if (size == 0) {
            throw new DatabaseOpenException(DatabaseOpenException.Problem.NOT_A_DATABASE, file,
                    file + " is empty (0 bytes), so it holds no War Room data. It was left untouched. Delete it to "
                            + "start a new database there, or pick another file with --db.", null);
        }
        if (!StoreFile.looksLikeH2(file)) {
            throw new DatabaseOpenException(DatabaseOpenException.Problem.NOT_A_DATABASE, file,
                    file + " is not an H2 database file, so War Room cannot use it. It was left untouched. "
                            + "Pick another file with --db.", null);
        }
    }

    /** Copies the file beside itself before a schema upgrade; the copy's name says which schema it holds. */
    private static Path backup(Path file, SchemaState schema) {
        String name = file.getFileName().toString();
        String stem = name.substring(0, name.length() - FILE_SUFFIX.length());
        Path backup = file.resolveSibling(stem + ".schema-" + schema.current() + "-backup-"
                + BACKUP_STAMP.format(Instant.now()) + FILE_SUFFIX);
        try {
            Files.copy(file, backup, StandardCopyOption.COPY_ATTRIBUTES);
            return backup;
        } catch (IOException e) {
            throw new DatabaseOpenException(DatabaseOpenException.Problem.NOT_WRITABLE, file,
                    file + " needs a schema upgrade, and War Room first copies it to " + backup + ", which failed ("
                            + e.getMessage() + "). Nothing was changed. Free some disk space or make the folder "
                            + "writable, then start again.", e);
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
                throw DatabaseOpenException.locked(file, e);
            }
            throw new DatabaseOpenException(DatabaseOpenException.Problem.FAILED, file,
                    "Cannot open the database " + file + ": " + StoreFile.firstLine(e) + ". Nothing was changed.", e);
        }
    }

    static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /** Where the copy made before the last schema upgrade is, or null when opening upgraded nothing. */
    public Path migrationBackup() {
        return migrationBackup;
    }

    /** The ".mv.db" file on disk; null for a team database (see {@link #location()}). */
    public Path file() {
        return file;
    }

    /** Where the data is, in words: the H2 file, or "team database NAME on HOST:PORT as USER". */
    public String location() {
        return location;
    }

    /** True for the shared PostgreSQL database of team mode. */
    public boolean team() {
        return team != null;
    }

    /** Team mode: connection state, change notification, presence and recorder election; empty for H2. */
    public java.util.Optional<TeamSession> teamSession() {
        return java.util.Optional.ofNullable(team);
    }

    public boolean readOnly() {
        return readOnlyReason != null;
    }

    /** False while a change would be refused: a read-only file, or a team database that is unreachable. */
    public boolean takesChangesNow() {
        return readOnlyReason == null && (team == null || team.status().connected());
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
        if (team != null) {
            // team clients take turns through PostgreSQL's advisory lock, taken inside the transaction
            team.refuseWhileUnreachable();
            return run(work, false);
        }
        writeLock.lock();
        try {
            return run(work, false);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * How many write transactions this process has committed through {@link #write}, when that is every change
     * the data can see: a local file is locked to this one process, so a reader that saw the same figure before
     * its last read has nothing new to read. Empty on a team database, where other clients write too. Metric
     * samples (written by the recorder's own connection) are not counted.
     */
    public java.util.OptionalLong localChanges() {
        return team != null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(commits.get());
    }

    /** Runs {@code work} against a consistent read. */
    public <T> T read(Function<Tx, T> work) {
        return run(work, true);
    }

    private <T> T run(Function<Tx, T> work, boolean readOnlyWork) {
        CallGuard.check();
        TeamSession.Stage[] stage = {readOnlyWork ? TeamSession.Stage.READING : TeamSession.Stage.WRITING};
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (team != null && !readOnlyWork) {
                    team.beginWrite(c);
                }
                T result = work.apply(new Tx(c));
                if (readOnlyWork) {
                    c.rollback();
                } else {
                    if (team != null) {
                        team.beforeCommit(c);
                    }
                    stage[0] = TeamSession.Stage.COMMITTING;
                    c.commit();
                    commits.incrementAndGet();
                }
                return result;
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            if (team != null && !Sql.isConflict(e)) {
                throw team.failed(e, stage[0]);
            }
            if (Sql.isConflict(e)) {
                throw Sql.conflict("save the change", e);
            }
            throw new StoreException("Database error on " + file + ": " + e.getMessage(), e);
        } catch (StoreException e) {
            if (team != null) {
                throw team.failed(e, stage[0]);
            }
            throw e;
        }
    }

    /** The connections behind this database, for copying it as a whole. */
    DataSource dataSource() {
        return pool;
    }

    /** The metric sample archive in this database (batched inserts, chart ranges, retention). */
    public SampleRepository samples() {
        return new SampleRepository(CallGuard.guard(pool));
    }

    /** Closes the connection pool; closing twice is harmless. */
    @Override
    public void close() {
        if (team != null) {
            team.close();
        }
        if (pool instanceof JdbcConnectionPool h2) {
            h2.dispose();
        } else if (pool instanceof AutoCloseable other) {
            try {
                other.close();
            } catch (Exception e) {
                throw new StoreException("Could not close " + location + ": " + e.getMessage(), e);
            }
        }
    }
}
