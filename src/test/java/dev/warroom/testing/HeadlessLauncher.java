package dev.warroom.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs the app's launcher in a child JVM with no display: headless, no DISPLAY or WAYLAND_DISPLAY, no
 * database password from the environment, and JavaFX taken off the class path, so a command that touches
 * any JavaFX class fails.
 */
public final class HeadlessLauncher {
    /** How the child ended: its exit code and what it wrote. */
    public record Run(int exit, String out, String err) {
    }

    private HeadlessLauncher() {
    }

    /** Runs {@code dev.warroom.app.Launcher args}; stderr goes through {@code dir/err.txt}. */
    public static Run run(Path dir, Duration limit, String... args) throws IOException, InterruptedException {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> !p.contains("javafx") && !p.contains("openjfx") && !p.contains("testfx")
                        && !p.contains("monocle"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-XX:TieredStopAtLevel=1", "-cp", classPath, "dev.warroom.app.Launcher"));
        cmd.addAll(List.of(args));
        Path err = dir.resolve("err.txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err.toFile());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().remove("WARROOM_DB_PASSWORD");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(limit.toSeconds(), TimeUnit.SECONDS), "child JVM did not finish");
        return new Run(p.exitValue(), out, Files.readString(err));
    }
}
