package dev.warroom.crisis.report;

import dev.warroom.domain.PlainText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a report goes: {@code OUT.md} and {@code OUT.html} side by side. A name ending in {@code .md} or
 * {@code .html} names one of the two and the other is its sibling. Files are written to temporary files in
 * the same folder and moved into place, so a reader never sees half a report and nothing lands anywhere else.
 */
public record ReportFiles(Path markdown, Path html) {

    /** The two files for {@code out} (made absolute). */
    public static ReportFiles of(Path out) {
        Path abs;
        try {
            abs = out.toAbsolutePath().normalize();
        } catch (InvalidPathException | java.io.IOError e) {
            throw new ReportException("Cannot write the report to " + out + ": not a usable path.");
        }
        Path name = abs.getFileName();
        if (name == null) {
            throw new ReportException("Cannot write the report to " + out + ": give a file name, e.g. "
                    + "/tmp/launch-surge (the report goes to /tmp/launch-surge.md and .html).");
        }
        String n = name.toString();
        String lower = n.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".md")) {
            String base = n.substring(0, n.length() - 3);
            return new ReportFiles(abs, abs.resolveSibling(base + ".html"));
        }
        if (lower.endsWith(".html")) {
            String base = n.substring(0, n.length() - 5);
            return new ReportFiles(abs.resolveSibling(base + ".md"), abs);
        }
        return new ReportFiles(abs.resolveSibling(n + ".md"), abs.resolveSibling(n + ".html"));
    }

    public Path folder() {
        return markdown.getParent();
    }

    /** Refuses, naming the path, when the folder is missing or not writable or a target is a folder. */
    void checkWritable() {
        Path folder = folder();
        if (!Files.exists(folder)) {
            throw new ReportException("Cannot write the report to " + markdown + ": the folder " + folder
                    + " does not exist. Create it first or choose another place.");
        }
        if (!Files.isDirectory(folder)) {
            throw new ReportException("Cannot write the report to " + markdown + ": " + folder + " is not a folder.");
        }
        if (!Files.isWritable(folder)) {
            throw new ReportException("Cannot write the report to " + markdown + ": the folder " + folder
                    + " is not writable.");
        }
        for (Path p : List.of(markdown, html)) {
            if (Files.isDirectory(p)) {
                throw new ReportException("Cannot write the report to " + p + ": a folder of that name is in the way.");
            }
            if (Files.exists(p) && !Files.isWritable(p)) {
                throw new ReportException("Cannot write the report to " + p + ": the file exists and is not writable.");
            }
        }
    }

    /**
     * Writes both texts to temporary files beside the targets, asks {@code beforeMove} (which may throw to
     * cancel), then moves both into place. On any failure the temporary files are removed.
     */
    void write(String markdownText, String htmlText, Runnable beforeMove) {
        checkWritable();
        List<Path> temps = new ArrayList<>();
        try {
            Path mdTemp = temp(markdown, temps);
            Files.write(mdTemp, utf8(markdownText));
            Path htmlTemp = temp(html, temps);
            Files.write(htmlTemp, utf8(htmlText));
            beforeMove.run();
            move(mdTemp, markdown);
            move(htmlTemp, html);
        } catch (IOException e) {
            throw new ReportException("Cannot write the report to " + markdown + " and " + html.getFileName() + ": "
                    + describe(e), e);
        } finally {
            for (Path t : temps) {
                try {
                    Files.deleteIfExists(t);
                } catch (IOException ignored) {
                    // best effort; the name starts with a dot and ends in .tmp
                }
            }
        }
    }

    /**
     * The text as UTF-8. Stored text may hold half of a character (a lone surrogate, cut by older versions);
     * it is written as U+FFFD instead of failing the whole report.
     */
    static byte[] utf8(String text) {
        return PlainText.wellFormed(text).getBytes(StandardCharsets.UTF_8);
    }

    private static Path temp(Path target, List<Path> temps) throws IOException {
        Path t = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
        temps.add(t);
        try {
            // temp files are private (0600); a report is an ordinary document others may read
            Files.setPosixFilePermissions(t, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the default permissions stand
        }
        return t;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied (" + e.getMessage() + ")";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or folder (" + e.getMessage() + ")";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
