package dev.warroom.config;

import dev.warroom.metrics.Scenario;
import dev.warroom.metrics.Scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.domain.Durations;
import dev.warroom.domain.metric.AlertRule;
import dev.warroom.domain.metric.AlertSeverity;
import dev.warroom.domain.metric.Comparison;
import dev.warroom.domain.metric.Metric;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsConfigLoaderTest {

    @TempDir
    Path dir;

    private ConfigException refusedMetrics(String json) throws Exception {
        Path file = dir.resolve("metrics.json");
        Files.writeString(file, json);
        return assertThrows(ConfigException.class, () -> MetricsConfigLoader.metrics(file));
    }

    private static String sources(String... sources) {
        return "{\"sources\": [\n" + String.join(",\n", sources) + "\n]}";
    }

    private static final String SIMULATOR = "{\"name\": \"sim\", \"kind\": \"simulator\", \"scenario\": \"viral-surge\"}";

    @Test
    void shippedDefaultsLoad() throws Exception {
        MetricsConfig config = MetricsConfigLoader.defaultMetrics();
        assertEquals(100.0, config.trafficBaseline());
        assertEquals(1, config.sources().size());
        SourceConfig.Simulator sim = assertInstanceOf(SourceConfig.Simulator.class, config.sources().get(0));
        assertEquals("viral-surge", sim.scenario());
        assertEquals(Duration.ofSeconds(1), sim.interval());

        List<AlertRule> rules = MetricsConfigLoader.defaultRules();
        assertEquals(8, rules.size());
        AlertRule pool = rules.stream().filter(r -> r.id().equals("db-pool-exhausted")).findFirst().orElseThrow();
        assertEquals(Metric.DB_CONNECTIONS_FREE, pool.metric());
        assertEquals(Comparison.BELOW, pool.comparison());
        assertEquals(Duration.ofMinutes(1), pool.sustainedFor());
        assertEquals(AlertSeverity.CRITICAL, pool.severity());

        Scenario scenario = Scenarios.load("viral-surge", null);
        assertTrue(scenario.keyframes().size() > 5);
    }

    @Test
    void negativeIntervalNamesFileAndPath() throws Exception {
        ConfigException e = refusedMetrics(sources(SIMULATOR,
                "{\"name\": \"prom\", \"kind\": \"prometheus\", \"url\": \"http://127.0.0.1:9090\",\n"
                        + " \"interval\": \"PT-5S\", \"queries\": {\"cpu\": \"avg(cpu)\"}}"));
        assertEquals("sources[1].interval", e.path());
        assertTrue(e.getMessage().startsWith(dir.resolve("metrics.json") + ": at sources[1].interval: expected "
                + Durations.EXPECTED + ", got \"PT-5S\""), e.getMessage());
    }

    @Test
    void zeroIntervalIsRefusedToo() throws Exception {
        ConfigException e = refusedMetrics(sources(
                "{\"name\": \"sim\", \"kind\": \"simulator\", \"scenario\": \"viral-surge\", \"interval\": \"0s\"}"));
        assertEquals("sources[0].interval", e.path());
    }

    @Test
    void unparseableDurationGivesLineAndColumn() throws Exception {
        ConfigException e = refusedMetrics(sources(SIMULATOR,
                "{\"name\": \"p\", \"kind\": \"prometheus\", \"interval\": \"-1s\"}"));
        assertEquals("sources[1].interval", e.path());
        assertTrue(e.getMessage().contains("expected " + Durations.EXPECTED + ", got \"-1s\""),
                e.getMessage());
        assertTrue(e.getMessage().contains("(line 3, column "), e.getMessage());
    }

    @Test
    void unknownKindIsNamed() throws Exception {
        ConfigException e = refusedMetrics(sources(SIMULATOR, "{\"name\": \"x\", \"kind\": \"graphite\"}"));
        assertEquals("sources[1].kind", e.path());
        assertTrue(e.getMessage().contains("unknown kind \"graphite\"; expected one of \"simulator\", \"prometheus\", \"json\", \"file\""),
                e.getMessage());
    }

    @Test
    void badUrlIsNamed() throws Exception {
        ConfigException e = refusedMetrics(sources(
                "{\"name\": \"j\", \"kind\": \"json\", \"url\": \"ftp://example.org/x\", \"pointers\": {\"cpu\": \"/cpu\"}}"));
        assertEquals("sources[0].url", e.path());
        assertTrue(e.getMessage().endsWith("expected an http:// or https:// URL with a host, got \"ftp://example.org/x\""),
                e.getMessage());
        ConfigException broken = refusedMetrics(sources(
                "{\"name\": \"j\", \"kind\": \"json\", \"url\": \"http://exa mple\", \"pointers\": {\"cpu\": \"/cpu\"}}"));
        assertEquals("sources[0].url", broken.path());
    }

    @Test
    void unknownFieldIsNamed() throws Exception {
        ConfigException e = refusedMetrics(sources(
                "{\"name\": \"sim\", \"kind\": \"simulator\", \"scenario\": \"viral-surge\", \"sped\": 3}"));
        assertEquals("sources[0].sped", e.path());
        assertTrue(e.getMessage().contains("unknown field \"sped\"; expected one of"), e.getMessage());
        assertTrue(e.getMessage().contains("\"speed\""), e.getMessage());
    }

    @Test
    void wrongTypeIsNamed() throws Exception {
        ConfigException e = refusedMetrics("{\"trafficBaseline\": \"lots\", \"sources\": [" + SIMULATOR + "]}");
        assertEquals("trafficBaseline", e.path());
        assertTrue(e.getMessage().contains("expected a number"), e.getMessage());
        assertTrue(e.getMessage().contains("(line 1, column "), e.getMessage());
    }

    @Test
    void unknownMetricKeyIsNamed() throws Exception {
        ConfigException e = refusedMetrics(sources(
                "{\"name\": \"p\", \"kind\": \"prometheus\", \"url\": \"http://127.0.0.1:9090\", \"queries\": {\"cpuu\": \"x\"}}"));
        assertEquals("sources[0].queries.cpuu", e.path());
        assertTrue(e.getMessage().contains("expected a metric key (uptime, p95-latency"), e.getMessage());
    }

    @Test
    void malformedJsonGivesPosition() throws Exception {
        ConfigException e = refusedMetrics("{\"sources\": [\n  {\"name\": \"sim\",, }\n]}");
        assertEquals("sources[0]", e.path());
        assertTrue(e.getMessage().startsWith(dir.resolve("metrics.json") + ": at sources[0]: not valid JSON: "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("(line 2, column 18)"), e.getMessage());
    }

    @Test
    void duplicateNamesAndTokensInConfigAreRefused() throws Exception {
        assertEquals("sources[1].name", refusedMetrics(sources(SIMULATOR, SIMULATOR)).path());
        ConfigException token = refusedMetrics(sources("{\"name\": \"p\", \"kind\": \"prometheus\", "
                + "\"url\": \"http://127.0.0.1:9090\", \"tokenEnv\": \"eyJhbGciOi.xyz\", \"queries\": {\"cpu\": \"x\"}}"));
        assertEquals("sources[0].tokenEnv", token.path());
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("nope.json");
        ConfigException e = assertThrows(ConfigException.class, () -> MetricsConfigLoader.metrics(missing));
        assertEquals(missing + ": file does not exist", e.getMessage());
    }

    @Test
    void ruleErrorsNameTheRule() throws Exception {
        Path file = dir.resolve("rules.json");
        Files.writeString(file, "{\"rules\": [{\"id\": \"a\", \"name\": \"A\", \"metric\": \"cpu\", \"comparison\": \"=>\","
                + " \"threshold\": 80, \"sustainedFor\": \"5m\", \"severity\": \"warning\", \"suggestedAction\": \"x\"}]}");
        ConfigException e = assertThrows(ConfigException.class, () -> MetricsConfigLoader.rules(file));
        assertEquals("rules[0].comparison", e.path());
        assertTrue(e.getMessage().contains("expected one of \">\", \">=\", \"<\", \"<=\", got \"=>\""), e.getMessage());

        Files.writeString(file, "{\"rules\": [{\"id\": \"a\", \"name\": \"A\", \"metric\": \"cpu\", \"comparison\": \">\","
                + " \"sustainedFor\": \"5m\", \"severity\": \"warning\", \"suggestedAction\": \"x\"}]}");
        ConfigException missing = assertThrows(ConfigException.class, () -> MetricsConfigLoader.rules(file));
        assertEquals("rules[0].threshold", missing.path());
        assertTrue(missing.getMessage().contains("missing; this field is required"), missing.getMessage());

        Files.writeString(file, "{\"rules\": [{\"id\": \"a\", \"metric\": \"cpu\", \"comparison\": \">\", \"threshold\": 1,"
                + " \"sustainedFor\": \"5m\", \"severity\": \"warning\", \"suggestedAction\": \"x\"}]}");
        ConfigException noName = assertThrows(ConfigException.class, () -> MetricsConfigLoader.rules(file));
        assertEquals("rules[0].name", noName.path());
        assertTrue(noName.getMessage().contains("missing; this field is required"), noName.getMessage());
    }

    @Test
    void fileSourceFormatFromExtensionAndRelativePath() throws Exception {
        Path file = dir.resolve("metrics.json");
        Files.writeString(file, sources("{\"name\": \"f\", \"kind\": \"file\", \"path\": \"feed.jsonl\"}"));
        SourceConfig.File config = (SourceConfig.File) MetricsConfigLoader.metrics(file).sources().get(0);
        assertEquals("jsonl", config.format());
        assertEquals(Duration.ofSeconds(5), config.interval());
        assertEquals(Duration.ofSeconds(2), config.timeout());
        ConfigException e = refusedMetrics(sources("{\"name\": \"f\", \"kind\": \"file\", \"path\": \"feed.txt\"}"));
        assertEquals("sources[0].format", e.path());
    }

    @Test
    void aPollEveryMillisecondIsRefused() throws Exception {
        ConfigException e = refusedMetrics(sources(
                "{\"name\": \"sim\", \"kind\": \"simulator\", \"scenario\": \"viral-surge\", \"interval\": \"1ms\"}"));
        assertEquals("sources[0].interval", e.path());
        assertTrue(e.getMessage().contains("at least \"250ms\""), e.getMessage());
    }

    @Test
    void everyFileTakesTheSameDurations() throws Exception {
        Path file = dir.resolve("metrics.json");
        Files.writeString(file, "{\"severity\": {\"scaleCalmAfter\": \"1h30m\"}, \"sources\": [" + SIMULATOR + "]}");
        assertEquals(Duration.ofMinutes(90), MetricsConfigLoader.metrics(file).severity().scaleCalmAfter());
    }

    @Test
    void duplicateKeysAreRefusedNamingTheKeyAndWhere() throws Exception {
        ConfigException e = refusedMetrics("{\"sources\": [{\"name\": \"a\", \"name\": \"b\", \"kind\": \"simulator\"}]}");
        assertEquals("sources[0].name", e.path());
        assertTrue(e.getMessage().contains("\"name\"") && e.getMessage().contains("twice"), e.getMessage());
    }

    @Test
    void mainFileFieldsInTheMetricsFileSayWhereTheyBelong() throws Exception {
        ConfigException e = refusedMetrics("{\"board\": {}, \"sources\": [" + SIMULATOR + "]}");
        assertEquals("board", e.path());
        assertTrue(e.getMessage().contains("main configuration file"), e.getMessage());
    }
}
