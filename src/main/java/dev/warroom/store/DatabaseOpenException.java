package dev.warroom.store;

import java.nio.file.Path;

/** The database file could not be opened; {@link #problem()} says why, the message says what to do. */
public class DatabaseOpenException extends StoreException {
    public enum Problem { LOCKED, NOT_A_DATABASE, NOT_WRITABLE, FAILED }

    private final Problem problem;
    private final Path file;

    public DatabaseOpenException(Problem problem, Path file, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
        this.file = file;
    }

    public Problem problem() {
        return problem;
    }

    public Path file() {
        return file;
    }
}
