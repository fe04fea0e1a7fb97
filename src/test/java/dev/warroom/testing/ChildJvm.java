package dev.warroom.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A second JVM running a main class from the test classpath: the "other War Room window" or the crash victim. */
public final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final Path errFile;

    private ChildJvm(Process process, Path errFile) {
        this.process = process;
        this.errFile = errFile;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts {@code main} with {@code args}; its stderr goes to {@code errFile} so a full pipe never blocks it. */
    public static ChildJvm start(Class<?> main, Path errFile, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xshare:auto");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(errFile.toFile());
        return new ChildJvm(pb.start(), errFile);
    }

    public Process process() {
        return process;
    }

    /** The next stdout line starting with {@code prefix} (other lines are skipped), or null at end of output. */
    public String next(String prefix) throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        return null;
    }

    /** Waits for the "READY" line; fails with the child's stderr when it never comes. */
    public void awaitReady() throws IOException {
        if (next("READY") == null) {
            throw new AssertionError("child JVM ended before READY:\n" + stderr());
        }
    }

    public String stderr() {
        try {
            return Files.exists(errFile) ? Files.readString(errFile) : "";
        } catch (IOException e) {
            return "(stderr unreadable: " + e + ")";
        }
    }

    /**
     * SIGKILL on Linux ({@code kill -9}): no shutdown hooks, no finally blocks, no flushing. Sent through the
     * process handle, because {@link Process#destroyForcibly()} also closes our end of the child's stdout and
     * the lines already in the pipe would be lost.
     */
    public void kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            try {
                process.getOutputStream().close();
            } catch (IOException ignored) {
                // already gone
            }
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
        out.close();
    }
}
