package dev.warroom.crisis;

/** A configuration file that cannot be used: names the file, the place inside it, and what was expected. */
public class ConfigException extends RuntimeException {
    private final String source;
    private final String path;

    public ConfigException(String source, String path, String problem, Throwable cause) {
        super(source + (path == null || path.isEmpty() ? "" : ": at " + path) + ": " + problem, cause);
        this.source = source;
        this.path = path;
    }

    public String source() {
        return source;
    }

    public String path() {
        return path;
    }
}
