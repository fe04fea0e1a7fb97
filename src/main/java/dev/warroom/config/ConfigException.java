package dev.warroom.config;

/**
 * A configuration or data file that cannot be used. The message names the file, the place inside it
 * (e.g. {@code sources[1].interval}), what was expected, and the line and column where they are known.
 * The one error type of every file the app reads as configuration.
 */
public final class ConfigException extends RuntimeException {

    private final String file;
    private final String path;

    public ConfigException(String file, String path, String problem, int line, int column, Throwable cause) {
        super(file + (path == null || path.isEmpty() ? "" : ": at " + path) + ": " + problem
                + (line > 0 ? " (line " + line + ", column " + column + ")" : ""), cause);
        this.file = file;
        this.path = path == null ? "" : path;
    }

    public ConfigException(String file, String path, String problem, Throwable cause) {
        this(file, path, problem, -1, -1, cause);
    }

    public ConfigException(String file, String path, String problem) {
        this(file, path, problem, -1, -1, null);
    }

    /** The file (or built-in resource) that was refused. */
    public String file() {
        return file;
    }

    /** JSON path inside the file, empty for the whole document. */
    public String path() {
        return path;
    }
}
