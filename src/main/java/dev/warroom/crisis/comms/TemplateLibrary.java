package dev.warroom.crisis.comms;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The templates on offer: the ones shipped in {@code data/templates/}, then the user's
 * {@code *.mustache} files from the {@code templates} folder beside the {@code --config} file (a
 * user file with a shipped name replaces it). Reads the disk: call off the FX thread.
 */
public final class TemplateLibrary {
    public static final List<String> SHIPPED = List.of("war-room-kickoff", "status-page", "hour-1-acknowledgement",
            "hour-6-progress", "hour-24-wrap-up");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,59}");
    private static final long MAX_BYTES = 64 * 1024;

    /** Templates found, and files that were skipped with why. */
    public record Loaded(List<MessageTemplate> templates, List<String> problems) {
    }

    private final Path userFolder;

    /** {@code userFolder} may be null: shipped templates only. */
    public TemplateLibrary(Path userFolder) {
        this.userFolder = userFolder;
    }

    /** The folder beside a {@code --config} file, or null without one. */
    public static Path folderBeside(Path configFile) {
        if (configFile == null) {
            return null;
        }
        Path parent = configFile.toAbsolutePath().getParent();
        return parent == null ? null : parent.resolve("templates");
    }

    public Loaded load() {
        Map<String, MessageTemplate> byName = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String name : SHIPPED) {
            byName.put(name, new MessageTemplate(name, shipped(name), true));
        }
        if (userFolder != null && Files.isDirectory(userFolder)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(userFolder, "*.mustache")) {
                List<Path> sorted = new ArrayList<>();
                files.forEach(sorted::add);
                sorted.sort(null);
                for (Path f : sorted) {
                    String file = f.getFileName().toString();
                    String name = file.substring(0, file.length() - ".mustache".length());
                    if (!NAME.matcher(name).matches()) {
                        problems.add(f + ": skipped; a template name uses letters, digits, - and _ only.");
                    } else if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                        problems.add(f + ": skipped; not a regular file.");
                    } else if (Files.size(f) > MAX_BYTES) {
                        problems.add(f + ": skipped; larger than 64 KB.");
                    } else {
                        byName.put(name, new MessageTemplate(name, Files.readString(f, StandardCharsets.UTF_8), false));
                    }
                }
            } catch (IOException | RuntimeException e) {
                problems.add(userFolder + ": cannot read templates (" + e.getMessage() + ").");
            }
        }
        return new Loaded(List.copyOf(byName.values()), problems);
    }

    /** The text of a shipped template. */
    public static String shipped(String name) {
        String resource = "data/templates/" + name + ".mustache";
        try (InputStream in = TemplateLibrary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Template " + resource + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Template " + resource + " cannot be read", e);
        }
    }
}
