package dev.warroom.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.store.Database;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A War Room that cannot start shows why, and after the person closes the dialog the process ends with status 1
 * (scripts and desktop launchers see the failure), never 0; the file it could not open is left as it was, and
 * the message on stderr is plain text, with no stack trace. Runs the real launcher in a child JVM (headless).
 */
class StartupFailureExitTest {
    @TempDir
    Path dir;

    private record Run(int status, String stdout, String stderr) {
    }

    private Run start(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:TieredStopAtLevel=1");
        for (String p : List.of("testfx.headless", "prism.order", "glass.platform", "monocle.platform",
                "headless.geometry", "prism.text", "java.awt.headless")) {
            if (System.getProperty(p) != null) {
                cmd.add("-D" + p + "=" + System.getProperty(p));
            }
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(StartupFailureChild.class.getName());
        cmd.addAll(List.of(args));
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                out.append(line).append('\n');
            }
        }
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), "the app did not end after its dialog was closed");
        return new Run(p.exitValue(), out.toString(), Files.readString(err));
    }

    /**
     * The headless test platform (Monocle) removes a shutdown hook of its own while it terminates; when the launcher's
     * exit overtakes it, Monocle prints "Exception in runnable" with an IllegalStateException from
     * MonocleApplication.finishTerminating. That trace comes from the test's display stand-in, not from War Room
     * (desktop toolkits install no such hook), so only that block is taken out before the text is checked.
     */
    private static String withoutMonocleShutdownRace(String stderr) {
        return stderr.replaceAll("(?s)Exception in runnable\\R\\S*IllegalStateException: Shutdown in progress\\R"
                + "(\\s+at [^\\n]*\\R)*?(?=\\s+at com\\.sun\\.glass\\.ui\\.monocle\\.MonocleApplication\\.finishTerminating)"
                + "(\\s+at [^\\n]*\\R?)*", "");
    }

    private static void assertPlain(String text) {
        text = withoutMonocleShutdownRace(text);
        assertFalse(text.contains("Exception"), text);
        assertFalse(text.contains("\tat "), text);
        assertFalse(text.contains("SQL"), text);
    }

    @Test
    void anEmptyDatabaseFileEndsWithStatusOneAfterTheDialogAndStaysEmpty() throws Exception {
        Path file = Files.createFile(dir.resolve("empty" + Database.FILE_SUFFIX));
        Run run = start("--db", file.toString());
        assertTrue(run.stdout().contains("DIALOG War Room cannot open its data"), run.stdout() + run.stderr());
        assertTrue(run.stdout().contains("empty (0 bytes)"), run.stdout());
        assertEquals(1, run.status(), run.stdout() + run.stderr());
        assertFalse(run.stdout().contains("RETURNED"));
        assertTrue(run.stderr().contains("warroom: "), run.stderr());
        assertPlain(run.stderr());
        assertEquals(0, Files.size(file));
    }

    @Test
    void aDamagedDatabaseEndsWithStatusOneWhenRecoveryIsDeclinedAndIsLeftByteForByte() throws Exception {
        Path whole = dir.resolve("whole" + Database.FILE_SUFFIX);
        try (Database db = Database.open(whole)) {
            db.write(tx -> {
                for (int i = 0; i < 60; i++) {
                    tx.saveSetting("filler-" + i, ("row " + i + " ").repeat(100));
                }
                return null;
            });
        }
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.createDirectories(dir.resolve("cut")).resolve("cut" + Database.FILE_SUFFIX);
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length * 30 / 100));
        byte[] before = Files.readAllBytes(cut);

        Run run = start("--db", cut.toString());
        assertTrue(run.stdout().contains("DIALOG War Room cannot open its data"), run.stdout() + run.stderr());
        assertEquals(1, run.status(), run.stdout() + run.stderr());
        assertPlain(run.stdout());
        assertPlain(run.stderr());
        assertArrayEquals(before, Files.readAllBytes(cut));
        try (var files = Files.list(cut.getParent())) {
            assertEquals(List.of(cut.getFileName().toString()),
                    files.map(f -> f.getFileName().toString()).toList(), "nothing new beside the damaged file");
        }
    }

    @Test
    void aBrokenConfigurationFileEndsWithStatusOneAndNamesTheFile() throws Exception {
        Path config = Files.writeString(dir.resolve("config.json"), "{ \"theme\": \"dark\", }");
        Run run = start("--db", dir.resolve("fresh").toString(), "--config", config.toString());
        assertNotNull(run.stdout());
        assertTrue(run.stdout().contains("DIALOG"), run.stdout() + run.stderr());
        assertTrue(run.stderr().contains("config.json"), run.stderr());
        assertEquals(1, run.status(), run.stdout() + run.stderr());
        assertPlain(run.stderr());
    }
}
