package dev.warroom.store;

import java.nio.file.Path;

/** The database could not be opened; {@link #problem()} says why, the message says what to do. {@link #file()} is null for a team database. */
public class DatabaseOpenException extends StoreException {
    /**
     * LOCKED: open in another program; NOT_A_DATABASE: not War Room's (or not H2's) file, or empty, or a team
     * database holding another application's tables; DAMAGED: a War Room file that cannot be read whole
     * ({@code --recover} applies); NOT_WRITABLE: the folder or file cannot be created or read; team mode:
     * BAD_ADDRESS, UNREACHABLE, AUTHENTICATION, NO_RIGHTS (may not create the schema), TOO_OLD (server before
     * PostgreSQL 13); FAILED: anything else.
     */
    public enum Problem { LOCKED, NOT_A_DATABASE, DAMAGED, NOT_WRITABLE, FAILED, BAD_ADDRESS, UNREACHABLE, AUTHENTICATION,
        NO_RIGHTS, TOO_OLD }

    private final Problem problem;
    private final Path file;

    public DatabaseOpenException(Problem problem, Path file, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
        this.file = file;
    }

    static DatabaseOpenException locked(Path file, Throwable cause) {
        return new DatabaseOpenException(Problem.LOCKED, file, "The database " + file + " is already open in "
                + "another War Room window (or another program). Use that window, or start this one with --db "
                + "pointing at another file.", cause);
    }

    public Problem problem() {
        return problem;
    }

    public Path file() {
        return file;
    }
}
