package dev.warroom.crisis.comms;

import dev.warroom.domain.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Saving a message to a file. {@link #check} says where a name would land and what needs the
 * person's confirmation (an existing file, a place outside the chosen folder); {@link #write} then
 * writes whole or not at all. Both touch the disk: call them off the FX thread.
 */
public final class MessageFiles {

    /** Where the file would go, and whether the person must confirm first. */
    public record Target(Path file, boolean exists, boolean outsideFolder) {
        public boolean needsConfirmation() {
            return exists || outsideFolder;
        }

        public String confirmation() {
            StringBuilder sb = new StringBuilder();
            if (outsideFolder) {
                sb.append(file).append(" is outside the folder you chose. ");
            }
            if (exists) {
                sb.append(file.getFileName()).append(" already exists and would be replaced. ");
            }
            return sb.append("Write it anyway?").toString();
        }
    }

    private MessageFiles() {
    }

    public static Target check(Path folder, String name) {
        if (folder == null) {
            throw new InvalidInputException("folder", "Choose a folder to save into.");
        }
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new InvalidInputException("name", "Give the file a name, e.g. status-update.txt.");
        }
        Path base = folder.toAbsolutePath().normalize();
        Path file;
        try {
            file = base.resolve(n).normalize();
        } catch (InvalidPathException e) {
            throw new InvalidInputException("name", "\"" + n + "\" is not a valid file name: " + e.getReason());
        }
        if (Files.isDirectory(file)) {
            throw new InvalidInputException("name", file + " is a folder; give a file name.");
        }
        boolean outside = !file.getParent().equals(base);
        return new Target(file, Files.exists(file), outside);
    }

    /** Writes {@code text} as UTF-8 through a temporary file in the same folder, then moves it in place. */
    public static Path write(Target target, String text) throws IOException {
        Path file = target.file();
        Path dir = file.getParent();
        if (!Files.isDirectory(dir)) {
            throw new IOException("The folder " + dir + " does not exist.");
        }
        Path tmp = Files.createTempFile(dir, ".warroom-", ".tmp");
        try {
            Files.write(tmp, dev.warroom.domain.PlainText.wellFormed(text).getBytes(StandardCharsets.UTF_8));
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return file;
    }
}
