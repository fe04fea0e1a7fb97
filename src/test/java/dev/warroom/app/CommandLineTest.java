package dev.warroom.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void defaultsToTheDatabaseInTheUsersFolder() {
        CommandLine c = CommandLine.parse(List.of());
        assertEquals(Path.of(System.getProperty("user.home"), ".warroom", "warroom"), c.database());
        assertEquals(null, c.config());
        assertTrue(c.themeChoice().isEmpty());
        assertFalse(c.help());
    }

    @Test
    void readsEveryOptionInBothSpellings() {
        CommandLine c = CommandLine.parse(List.of("--db", "/tmp/a", "--config=/tmp/c.json", "--theme", "dark"));
        assertEquals(Path.of("/tmp/a"), c.database());
        assertEquals(Path.of("/tmp/c.json"), c.config());
        assertEquals("dark", c.themeChoice().orElseThrow());
        assertTrue(CommandLine.parse(List.of("--help")).help());
    }

    @Test
    void wallStartsStraightIntoTheWallDisplay() {
        assertFalse(CommandLine.parse(List.of()).wall());
        CommandLine c = CommandLine.parse(List.of("--db", "/tmp/a", "--wall"));
        assertTrue(c.wall());
        assertEquals(Path.of("/tmp/a"), c.database());
        assertTrue(CommandLine.parse(List.of("--wall", "--theme", "light")).wall());
        assertEquals("--wall takes no value", assertThrows(CommandLine.UsageException.class,
                () -> CommandLine.parse(List.of("--wall=yes"))).getMessage());
        assertTrue(CommandLine.USAGE.contains("--wall"), CommandLine.USAGE);
    }

    @Test
    void refusesUnknownOptionsMissingValuesAndBadThemes() {
        assertEquals("Unknown option \"--wall-ish\"",
                assertThrows(CommandLine.UsageException.class, () -> CommandLine.parse(List.of("--wall-ish")))
                        .getMessage());
        assertEquals("--db needs a value",
                assertThrows(CommandLine.UsageException.class, () -> CommandLine.parse(List.of("--db"))).getMessage());
        assertEquals("--db needs a value", assertThrows(CommandLine.UsageException.class,
                () -> CommandLine.parse(List.of("--db", "--theme", "dark"))).getMessage());
        assertTrue(assertThrows(CommandLine.UsageException.class,
                () -> CommandLine.parse(List.of("--theme", "blue"))).getMessage().contains("light or dark"));
    }

    @Test
    void readsReportAndCrisisTogetherOnly() {
        CommandLine c = CommandLine.parse(List.of("--report", "/tmp/pm", "--crisis=3", "--db", "/tmp/a"));
        assertTrue(c.reportRequested());
        assertEquals(Path.of("/tmp/pm"), c.report());
        assertEquals(3L, c.crisis());
        assertFalse(CommandLine.parse(List.of()).reportRequested());
        assertEquals("--report needs --crisis ID: the crisis to report on", assertThrows(
                CommandLine.UsageException.class, () -> CommandLine.parse(List.of("--report", "/tmp/pm"))).getMessage());
        assertEquals("--crisis is only used with --report OUT", assertThrows(
                CommandLine.UsageException.class, () -> CommandLine.parse(List.of("--crisis", "3"))).getMessage());
        assertEquals("--crisis needs a crisis number such as 3, not \"latest\"", assertThrows(
                CommandLine.UsageException.class,
                () -> CommandLine.parse(List.of("--report", "x", "--crisis", "latest"))).getMessage());
        assertThrows(CommandLine.UsageException.class,
                () -> CommandLine.parse(List.of("--report", "x", "--crisis", "0")));
        assertEquals("--report needs a value", assertThrows(CommandLine.UsageException.class,
                () -> CommandLine.parse(List.of("--report", "--crisis", "3"))).getMessage());
        assertTrue(CommandLine.USAGE.contains("--report OUT") && CommandLine.USAGE.contains("--crisis ID"));
    }

    @Test
    void launcherPrintsUsageAndExitsNonZeroOnAnUnknownOption() throws Exception {
        Process p = launcher("--nonsense");
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.exitValue());
        assertTrue(err.contains("Unknown option \"--nonsense\""), err);
        assertTrue(err.contains("Usage: warroom"), err);
    }

    @Test
    void launcherHelpPrintsUsageAndExitsZero() throws Exception {
        Process p = launcher("--help");
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue());
        assertTrue(out.contains("--theme light|dark"), out);
    }

    private static Process launcher(String arg) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Launcher.class.getName(), arg)
                .start();
    }

    @Test
    void forceGoesWithReportOnly() {
        assertTrue(CommandLine.parse(List.of("--report", "/tmp/pm", "--crisis", "3", "--force")).force());
        assertFalse(CommandLine.parse(List.of("--report", "/tmp/pm", "--crisis", "3")).force());
        assertEquals("--force is only used with --report OUT: it replaces an existing report", assertThrows(
                CommandLine.UsageException.class, () -> CommandLine.parse(List.of("--force"))).getMessage());
        assertTrue(CommandLine.USAGE.contains("--force"));
    }
}
