package dev.warroom.metrics;

/**
 * A configuration file was refused. The message names the file, the path inside it
 * (e.g. {@code sources[1].interval}), what was expected, and line/column where known.
 */
public final class ConfigException extends Exception {

    private final String file;
    private final String path;

    public ConfigException(String file, String path, String problem, int line, int column) {
        super(file + (path.isEmpty() ? "" : ": " + path) + ": " + problem
                + (line > 0 ? " (line " + line + ", column " + column + ")" : ""));
        this.file = file;
        this.path = path;
    }

    public ConfigException(String file, String path, String problem) {
        this(file, path, problem, -1, -1);
    }

    public String file() {
        return file;
    }

    /** JSON path inside the file, empty for the whole document. */
    public String path() {
        return path;
    }
}
