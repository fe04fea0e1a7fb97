package dev.warroom.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The command-line options. {@link #parse} never exits; the launcher decides what to do with errors.
 *
 * @param report where to write a post-mortem report (with {@code crisis}) instead of opening a window, or null
 * @param crisis the crisis id the report is about, or null
 * @param wall   start straight into the full-screen wall display
 * @param force  with {@code report}: replace a report that is already there
 * @param teamDatabase the team database address given with {@code --db postgresql://…}, or null for the H2 file
 * @param copyTo a team database address to copy the local H2 database into, or null
 */
public record CommandLine(Path database, Path config, String theme, boolean help, Path report, Long crisis,
                          boolean wall, boolean force, String teamDatabase, String copyTo, Path recover) {

    /** Exit status of {@code --report} when it succeeded. */
    public static final int EXIT_OK = 0;
    /** Exit status when the report cannot be written (no such database or crisis, place not writable, …). */
    public static final int EXIT_FAILED = 1;
    /** Exit status for a command line that cannot be used. */
    public static final int EXIT_USAGE = 2;
    /** Exit status of {@code --report} when a report is already there and {@code --force} was not given. */
    public static final int EXIT_EXISTS = 3;

    public static final String USAGE = String.join(System.lineSeparator(),
            "Usage: warroom [options]",
            "",
            "  --db PATH            database file (default: " + defaultDatabase() + ")",
            "  --db postgresql://HOST:PORT/DBNAME?user=NAME",
            "                       the team database (password from WARROOM_DB_PASSWORD or ~/.pgpass)",
            "  --copy-to postgresql://HOST:PORT/DBNAME?user=NAME",
            "                       copy the --db file into an empty team database, check the counts, exit",
            "  --config PATH        JSON configuration that overrides the built-in defaults",
            "  --theme light|dark   colour theme; dark is the high-contrast wall theme",
            "  --report OUT         write the post-mortem of --crisis to OUT.md and OUT.html and exit;",
            "                       needs no display",
            "  --crisis ID          the crisis to report on (its number)",
            "  --force              with --report: replace OUT.md and OUT.html if they exist",
            "                       (without it an existing report is left alone and the exit status is 3)",
            "  --recover FILE       copy what is still readable in a damaged database FILE into a new",
            "                       file beside it (the damaged file is kept as it is) and exit",
            "  --wall               start straight into the full-screen wall display (no mouse or",
            "                       keyboard needed; the pointer is hidden)",
            "  --help               show this help and exit",
            "");

    /** A command line that cannot be used; the message says which argument and why. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }

    public static Path defaultDatabase() {
        return Path.of(System.getProperty("user.home"), ".warroom", "warroom");
    }

    public static CommandLine parse(List<String> args) {
        Path db = null;
        Path config = null;
        String theme = null;
        boolean help = false;
        Path report = null;
        Long crisis = null;
        boolean wall = false;
        boolean force = false;
        String team = null;
        String copyTo = null;
        Path recover = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String value = null;
            int eq = a.indexOf('=');
            String name = a;
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            switch (name) {
                case "--help", "-h" -> help = true;
                case "--wall" -> {
                    if (value != null) {
                        throw new UsageException("--wall takes no value");
                    }
                    wall = true;
                }
                case "--force" -> {
                    if (value != null) {
                        throw new UsageException("--force takes no value");
                    }
                    force = true;
                }
                case "--db" -> {
                    value = value != null ? value : next(args, i++, name);
                    if (looksLikeAddress(value)) {
                        team = value.strip();
                        db = null;
                    } else {
                        db = path(value, name);
                        team = null;
                    }
                }
                case "--copy-to" -> {
                    value = value != null ? value : next(args, i++, name);
                    copyTo = value.strip();
                }
                case "--config" -> {
                    value = value != null ? value : next(args, i++, name);
                    config = path(value, name);
                }
                case "--theme" -> {
                    value = value != null ? value : next(args, i++, name);
                    if (!value.equals("light") && !value.equals("dark")) {
                        throw new UsageException("--theme must be light or dark, not \"" + value + "\"");
                    }
                    theme = value;
                }
                case "--report" -> {
                    value = value != null ? value : next(args, i++, name);
                    report = path(value, name);
                }
                case "--recover" -> {
                    value = value != null ? value : next(args, i++, name);
                    recover = path(value, name);
                }
                case "--crisis" -> {
                    value = value != null ? value : next(args, i++, name);
                    crisis = crisisId(value);
                }
                default -> throw new UsageException("Unknown option \"" + a + "\"");
            }
        }
        if (!help && report != null && crisis == null) {
            throw new UsageException("--report needs --crisis ID: the crisis to report on");
        }
        if (!help && crisis != null && report == null) {
            throw new UsageException("--crisis is only used with --report OUT");
        }
        if (!help && wall && report != null) {
            throw new UsageException("--wall and --report do not go together: the report needs no window");
        }
        if (!help && force && report == null) {
            throw new UsageException("--force is only used with --report OUT: it replaces an existing report");
        }
        if (!help && copyTo != null && (report != null || wall)) {
            throw new UsageException("--copy-to runs on its own: it copies the database and exits");
        }
        if (!help && copyTo != null && team != null) {
            throw new UsageException("--copy-to copies a local database file: give --db a file path, not an address");
        }
        if (!help && recover != null && (report != null || wall || copyTo != null)) {
            throw new UsageException("--recover works alone: it writes the recovered file and exits");
        }
        return new CommandLine(db == null ? defaultDatabase() : db, config, theme, help, report, crisis, wall, force,
                team, copyTo, recover);
    }

    /** A value with a scheme ("postgresql://…", "jdbc:…") is a database address, not a file path. */
    private static boolean looksLikeAddress(String value) {
        return dev.warroom.store.TeamAddress.looksLikeAddress(value);
    }

    /** True when --db names the team database rather than a local file. */
    public boolean teamMode() {
        return teamDatabase != null;
    }

    /** True when the command line asks for a post-mortem report instead of the window. */
    public boolean reportRequested() {
        return report != null;
    }

    private static Long crisisId(String value) {
        try {
            long id = Long.parseLong(value.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new UsageException("--crisis needs a crisis number such as 3, not \"" + value + "\"");
    }

    public Optional<String> themeChoice() {
        return Optional.ofNullable(theme);
    }

    private static String next(List<String> args, int i, String name) {
        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
            throw new UsageException(name + " needs a value");
        }
        return args.get(i + 1);
    }

    private static Path path(String value, String name) {
        if (value.isBlank()) {
            throw new UsageException(name + " needs a non-empty path");
        }
        try {
            return Path.of(value);
        } catch (java.nio.file.InvalidPathException e) {
            throw new UsageException(name + " \"" + value + "\" is not a valid path: " + e.getReason());
        }
    }
}
