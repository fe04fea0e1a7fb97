package dev.warroom.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.domain.BoardPolicy;
import dev.warroom.domain.Column;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Path file(String json) throws IOException {
        Path f = dir.resolve("my-config.json");
        Files.writeString(f, json);
        return f;
    }

    private ConfigException refused(String json) throws IOException {
        Path f = file(json);
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f));
        assertEquals(f.toString(), e.file());
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        return e;
    }

    @Test
    void defaultsFollowTheSeed() {
        AppConfig config = ConfigLoader.load(null);
        assertEquals(BoardPolicy.defaults(), config.initialPolicy());
        assertNull(config.actor());
    }

    @Test
    void aValidUserFileOverridesTheDefaults() throws IOException {
        AppConfig config = ConfigLoader.load(file("""
                { "actor": "ic-alice",
                  "board": { "wipLimits": { "IN_PROGRESS": 2, "REVIEW": 3 } } }
                """));
        assertEquals("ic-alice", config.actor());
        BoardPolicy policy = config.initialPolicy();
        assertEquals(2, policy.wipLimit(Column.IN_PROGRESS).orElseThrow().max());
        assertEquals(3, policy.wipLimit(Column.REVIEW).orElseThrow().max());
        assertEquals(Duration.ofHours(1), policy.sla(Column.REVIEW).orElseThrow().allowed(),
                "SLAs the user did not mention keep their default");

        BoardPolicy slas = ConfigLoader.load(file("{\"board\": {\"slas\": {\"REVIEW\": \"45m\", \"IN_PROGRESS\": \"4h\"}}}"))
                .initialPolicy();
        assertEquals(Duration.ofMinutes(45), slas.sla(Column.REVIEW).orElseThrow().allowed());
        assertEquals(Duration.ofHours(4), slas.sla(Column.IN_PROGRESS).orElseThrow().allowed());
        assertEquals(1, slas.wipLimit(Column.IN_PROGRESS).orElseThrow().max());
    }

    @Test
    void anEmptyObjectChangesNothing() throws IOException {
        assertEquals(BoardPolicy.defaults(), ConfigLoader.load(file("{}")).initialPolicy());
        // without a file the defaults are read straight into the record; through a file they are merged as a
        // tree first: both ways give the same configuration, every field
        assertEquals(ConfigLoader.load(file("{}")), ConfigLoader.load(null));
    }

    @Test
    void malformedJsonNamesTheFileLineAndColumn() throws IOException {
        ConfigException e = refused("{\n  \"board\": {\n    \"wipLimits\": { \"IN_PROGRESS\": 2, }\n  }\n}\n");
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertTrue(e.getMessage().matches("(?s).*column \\d+.*"), e.getMessage());
    }

    @Test
    void somethingOtherThanAnObjectIsRefused() throws IOException {
        assertTrue(refused("[1, 2]").getMessage().contains("expected a JSON object"));
        assertTrue(refused("").getMessage().contains("expected a JSON object"));
    }

    @Test
    void unknownFieldIsNamedWithItsPath() throws IOException {
        ConfigException e = refused("{\"board\": {\"wipLimit\": {\"IN_PROGRESS\": 2}}}");
        assertEquals("board.wipLimit", e.path());
        assertTrue(e.getMessage().contains("unknown field \"wipLimit\""), e.getMessage());
        assertTrue(e.getMessage().contains("wipLimits"), "lists the known fields: " + e.getMessage());
        assertEquals("bord", refused("{\"bord\": {}}").path());
    }

    @Test
    void wrongTypeNamesThePath() throws IOException {
        ConfigException e = refused("{\"board\": {\"wipLimits\": {\"IN_PROGRESS\": \"abc\"}}}");
        assertEquals("board.wipLimits.IN_PROGRESS", e.path());
        assertTrue(e.getMessage().contains("board.wipLimits.IN_PROGRESS"), e.getMessage());
        assertTrue(e.getMessage().contains("whole number"), e.getMessage());

        assertEquals("board.wipLimits.IN_PROGRESS", refused("{\"board\": {\"wipLimits\": {\"IN_PROGRESS\": \"2\"}}}")
                .path(), "a number in quotes is not a number");
        assertEquals("board.wipLimits", refused("{\"board\": {\"wipLimits\": 1}}").path());
        assertEquals("actor", refused("{\"actor\": 7}").path());
    }

    @Test
    void aFractionalLimitIsRefusedNotTruncated() throws IOException {
        ConfigException e = refused("{\"board\": {\"wipLimits\": {\"IN_PROGRESS\": 1.5}}}");
        assertEquals("board.wipLimits.IN_PROGRESS", e.path());
        assertTrue(e.getMessage().contains("whole number"), e.getMessage());
        assertTrue(refused("{\"actor\": 7}").getMessage().contains("text value"));
    }

    @Test
    void limitBelowOneIsRefused() throws IOException {
        ConfigException e = refused("{\"board\": {\"wipLimits\": {\"IN_PROGRESS\": 0}}}");
        assertEquals("board.wipLimits.IN_PROGRESS", e.path());
        assertTrue(e.getMessage().contains("at least 1"), e.getMessage());
        assertEquals("board.wipLimits.REVIEW", refused("{\"board\": {\"wipLimits\": {\"REVIEW\": -3}}}").path());
        assertEquals("board.wipLimits.IN_PROGRESS", refused("{\"board\": {\"wipLimits\": {\"IN_PROGRESS\": null}}}")
                .path());
    }

    @Test
    void badSlaIsRefused() throws IOException {
        ConfigException e = refused("{\"board\": {\"slas\": {\"REVIEW\": \"an hour\"}}}");
        assertEquals("board.slas.REVIEW", e.path());
        assertTrue(e.getMessage().contains("\"an hour\""), e.getMessage());
        assertEquals("board.slas.REVIEW", refused("{\"board\": {\"slas\": {\"REVIEW\": \"0m\"}}}").path());
        assertEquals("board.slas.REVIEW", refused("{\"board\": {\"slas\": {\"REVIEW\": 60}}}").path());
    }

    @Test
    void unknownColumnIsRefused() throws IOException {
        ConfigException e = refused("{\"board\": {\"wipLimits\": {\"TESTING\": 2}}}");
        assertEquals("board.wipLimits.TESTING", e.path());
        assertTrue(e.getMessage().contains("\"TESTING\" is not a column"), e.getMessage());
        assertTrue(e.getMessage().contains("IN_PROGRESS"), e.getMessage());
        assertEquals("board.slas.Review", refused("{\"board\": {\"slas\": {\"Review\": \"1h\"}}}").path());
    }

    @Test
    void blankActorIsRefused() throws IOException {
        assertEquals("actor", refused("{\"actor\": \"  \"}").path());
    }

    @Test
    void anActorNameWithALineBreakOrADirectionOverrideIsRefused() throws IOException {
        ConfigException newline = refused("{\"actor\": \"alice\\nroot\"}");
        assertEquals("actor", newline.path());
        assertTrue(newline.getMessage().contains("line break at position 6"), newline.getMessage());
        ConfigException rlo = refused("{\"actor\": \"\\u202Eecila\"}");
        assertEquals("actor", rlo.path());
        assertTrue(rlo.getMessage().contains("U+202E"), rlo.getMessage());
        assertEquals("actor", refused("{\"actor\": \"a\\u001Bb\"}").path());
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nope.json");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(missing));
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("does not exist"),
                e.getMessage());
    }

    @Test
    void wallDefaultsToSplitAndTakesARotation() throws IOException {
        AppConfig.WallSection defaults = ConfigLoader.load(null).wallSettings();
        assertEquals(false, defaults.rotates());
        assertEquals(Duration.ofSeconds(20), defaults.rotateInterval());
        assertEquals(java.util.List.of("overview", "board", "tiles"), defaults.pages());

        AppConfig.WallSection rotate = ConfigLoader.load(file(
                "{\"wall\": {\"layout\": \"rotate\", \"rotateEvery\": \"45s\", \"views\": [\"board\", \"tiles\"]}}"))
                .wallSettings();
        assertTrue(rotate.rotates());
        assertEquals(Duration.ofSeconds(45), rotate.rotateInterval());
        assertEquals(java.util.List.of("board", "tiles"), rotate.pages(), "views replace the default list whole");

        AppConfig.WallSection layoutOnly = ConfigLoader.load(file("{\"wall\": {\"layout\": \"rotate\"}}"))
                .wallSettings();
        assertEquals(Duration.ofSeconds(20), layoutOnly.rotateInterval(), "fields left out keep their default");
        assertEquals(3, layoutOnly.pages().size());
    }

    @Test
    void badWallSettingsNameThePathAndWhatWasExpected() throws IOException {
        ConfigException layout = refused("{\"wall\": {\"layout\": \"grid\"}}");
        assertEquals("wall.layout", layout.path());
        assertTrue(layout.getMessage().contains("\"split\"") && layout.getMessage().contains("\"grid\""),
                layout.getMessage());

        ConfigException every = refused("{\"wall\": {\"rotateEvery\": \"soon\"}}");
        assertEquals("wall.rotateEvery", every.path());
        assertTrue(every.getMessage().contains("\"soon\""), every.getMessage());
        assertTrue(refused("{\"wall\": {\"rotateEvery\": \"2s\"}}").getMessage().contains("between \"5s\""));
        assertEquals("wall.rotateEvery", refused("{\"wall\": {\"rotateEvery\": 20}}").path());

        ConfigException view = refused("{\"wall\": {\"views\": [\"board\", \"charts\"]}}");
        assertEquals("wall.views[1]", view.path());
        assertTrue(view.getMessage().contains("\"charts\"") && view.getMessage().contains("\"overview\""),
                view.getMessage());
        assertEquals("wall.views[1]", refused("{\"wall\": {\"views\": [\"board\", \"board\"]}}").path());
        assertEquals("wall.views", refused("{\"wall\": {\"views\": []}}").path());
        assertEquals("wall.views", refused("{\"wall\": {\"views\": \"board\"}}").path());
        ConfigException unknown = refused("{\"wall\": {\"speed\": 2}}");
        assertEquals("wall.speed", unknown.path());
        assertTrue(unknown.getMessage().contains("unknown field \"speed\""), unknown.getMessage());
    }

    @Test
    void duplicateKeysAreRefusedNamingTheKeyAndWhere() throws IOException {
        ConfigException top = refused("{\"actor\": \"alice\", \"actor\": \"bob\"}");
        assertEquals("actor", top.path());
        assertTrue(top.getMessage().contains("\"actor\"") && top.getMessage().contains("twice"), top.getMessage());
        ConfigException nested = refused("{\"board\": {\"wipLimits\": {\"REVIEW\": 2,\n \"REVIEW\": 3}}}");
        assertEquals("board.wipLimits.REVIEW", nested.path());
        assertTrue(nested.getMessage().contains("line 2"), nested.getMessage());
    }

    @Test
    void aHugeWipLimitIsRefusedWithItsPlace() throws IOException {
        ConfigException e = refused("{\"board\": {\"wipLimits\": {\"IN_PROGRESS\": 1e10}}}");
        assertEquals("board.wipLimits.IN_PROGRESS", e.path());
        assertTrue(e.getMessage().contains("board.wipLimits.IN_PROGRESS"), e.getMessage());
        assertTrue(e.getMessage().contains("whole number"), e.getMessage());
        assertEquals("board.wipLimits.REVIEW", refused("{\"board\": {\"wipLimits\": {\"REVIEW\": 10000000000}}}")
                .path());
    }

    @Test
    void metricsFieldsInTheMainFileSayWhereTheyBelong() throws IOException {
        ConfigException e = refused("{\"trafficBaseline\": 120}");
        assertEquals("trafficBaseline", e.path());
        assertTrue(e.getMessage().contains("metrics file") && e.getMessage().contains("metricsFile"), e.getMessage());
    }

    @Test
    void everyFileTakesTheSameDurations() throws IOException {
        assertEquals(Duration.ofSeconds(90), ConfigLoader.load(file("{\"wall\": {\"rotateEvery\": \"1.5m\"}}"))
                .wallSettings().rotateInterval());
        assertEquals(Duration.ofMinutes(90), ConfigLoader.load(file("{\"board\": {\"slas\": {\"REVIEW\": \"1h30m\"}}}"))
                .initialPolicy().sla(Column.REVIEW).orElseThrow().allowed());
    }
}
