package dev.warroom.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.warroom.config.MetricsConfig;
import dev.warroom.config.MetricsConfigLoader;
import dev.warroom.config.MetricsFileWriter;
import dev.warroom.config.SourceConfig;
import dev.warroom.domain.metric.Metric;
import dev.warroom.ui.DialogService;
import dev.warroom.ui.Form;
import dev.warroom.ui.TaskRunner;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "Connect metrics…" form: validation naming the field, a real test connection, Save and read back. */
class ConnectMetricsViewModelTest {
    @TempDir
    Path dir;
    private HttpServer server;
    private final List<SourceConfig> started = new ArrayList<>();
    private final List<String> confirmations = new ArrayList<>();
    private boolean confirmAnswer = true;

    private final DialogService dialogs = new DialogService() {
        @Override
        public void showError(String title, String message) {
            throw new AssertionError("no error dialog expected: " + message);
        }

        @Override
        public boolean confirm(String title, String message, String confirmLabel) {
            confirmations.add(message);
            return confirmAnswer;
        }

        @Override
        public <T> Optional<T> ask(Form<T> form) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseExportFile(String title, String suggestedName, String extension) {
            return Optional.empty();
        }
    };

    private ConnectMetricsViewModel form(Path metricsFile) {
        return new ConnectMetricsViewModel(metricsFile, TaskRunner.immediate(), dialogs, Clock.systemUTC(),
                name -> null, started::add);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** A real HTTP server on loopback answering {@code path} with {@code body}. */
    private String serve(String path, String contentType, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(path, exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void validationMessagesNameTheField() {
        ConnectMetricsViewModel vm = form(dir.resolve("metrics.json"));
        assertTrue(vm.problem().startsWith("URL is empty"), vm.problem());
        vm.urlProperty().set("ftp://example.org");
        assertTrue(vm.problem().startsWith("URL \"ftp://example.org\" is not an http"), vm.problem());
        vm.urlProperty().set("http://127.0.0.1:9090");
        assertTrue(vm.problem().startsWith("No metric key is filled in"), vm.problem());
        vm.field(Metric.ERROR_RATE).set("100 * rate(errors[1m])");
        assertNull(vm.problem());
        vm.intervalProperty().set("100ms");
        assertTrue(vm.problem().startsWith("Poll every \"100ms\" is too often"), vm.problem());
        vm.intervalProperty().set("soon");
        assertTrue(vm.problem().startsWith("Poll every \"soon\" is not a duration"), vm.problem());
        vm.intervalProperty().set("5s");
        vm.kindProperty().set(ConnectMetricsViewModel.Kind.JSON);
        assertEquals("json", vm.nameProperty().get(), "the default name follows the kind");
        assertTrue(vm.problem().startsWith("error-rate (JSON Pointer) \"100 * rate(errors[1m])\" must start with"),
                vm.problem());
        vm.field(Metric.ERROR_RATE).set("/errors/rate");
        vm.nameProperty().set(" ");
        assertTrue(vm.problem().startsWith("Source name is empty"), vm.problem());
        vm.nameProperty().set("stats\u001b");
        assertTrue(vm.problem().startsWith("Source name contains"), vm.problem());
        vm.nameProperty().set("stats");
        assertNull(vm.problem());
        vm.test();
        assertEquals("0 of 1 key answered", vm.statusProperty().get(), "a valid form is tested (nothing listens there)");
        assertTrue(vm.result(Metric.ERROR_RATE).get().startsWith("failed: "), vm.result(Metric.ERROR_RATE).get());
    }

    @Test
    void testConnectionShowsPerKeyTheValueOrWhyNotWithTheUnitWarning() throws IOException {
        String url = serve("/now", "application/json",
                "{\"health\": {\"uptime\": 0.9987, \"p95\": 185, \"errors\": 0.4}}");
        ConnectMetricsViewModel vm = form(dir.resolve("metrics.json"));
        vm.kindProperty().set(ConnectMetricsViewModel.Kind.JSON);
        vm.urlProperty().set(url + "/now");
        vm.field(Metric.UPTIME).set("/health/uptime");
        vm.field(Metric.P95_LATENCY).set("/health/p95");
        vm.field(Metric.ERROR_RATE).set("/health/errors");
        vm.field(Metric.CPU).set("/system/cpu");
        vm.test();
        assertEquals("185 ms", vm.result(Metric.P95_LATENCY).get());
        assertEquals("0.40 %", vm.result(Metric.ERROR_RATE).get());
        assertTrue(vm.result(Metric.UPTIME).get().contains("a fraction? multiply by 100"),
                "the unit warning the tile would show: " + vm.result(Metric.UPTIME).get());
        assertTrue(vm.result(Metric.CPU).get().startsWith("failed: "), vm.result(Metric.CPU).get());
        assertTrue(vm.result(Metric.CPU).get().contains("/system/cpu"), "names the pointer: "
                + vm.result(Metric.CPU).get());
        assertEquals("3 of 4 keys answered", vm.statusProperty().get());
        assertTrue(started.isEmpty(), "testing starts nothing");
        assertFalse(Files.exists(dir.resolve("metrics.json")), "testing writes nothing");
    }

    @Test
    void aPrometheusFractionGetsTheWarningAndAnUnreachableServerSaysWhy() throws IOException {
        String url = serve("/api/v1/query", "application/json", "{\"status\":\"success\",\"data\":{\"resultType\":"
                + "\"vector\",\"result\":[{\"metric\":{},\"value\":[1764680000,\"0.999\"]}]}}");
        ConnectMetricsViewModel vm = form(dir.resolve("metrics.json"));
        vm.urlProperty().set(url);
        vm.field(Metric.UPTIME).set("avg(up)");
        vm.test();
        assertEquals("0.999 % — a fraction? multiply by 100 (the unit is %)",
                vm.result(Metric.UPTIME).get());
        server.stop(0);
        server = null;
        vm.test();
        assertTrue(vm.result(Metric.UPTIME).get().startsWith("failed: "), vm.result(Metric.UPTIME).get());
        assertEquals("0 of 1 key answered", vm.statusProperty().get());
    }

    @Test
    void saveWritesWhatTheLoaderReadsBackAndStartsIt() {
        Path file = dir.resolve("metrics.json");
        ConnectMetricsViewModel vm = form(file);
        vm.urlProperty().set("http://127.0.0.1:9090");
        vm.intervalProperty().set("1500ms");
        vm.field(Metric.ERROR_RATE).set("100 * sum(rate(http_requests_total{code=~\"5..\"}[1m])) / sum(rate(x[1m]))");
        vm.field(Metric.P95_LATENCY).set("1000 * histogram_quantile(0.95, sum by (le) (rate(d_bucket[5m])))");
        vm.save();
        assertTrue(confirmations.isEmpty(), "nothing to replace, nothing to confirm");
        MetricsConfig read = MetricsConfigLoader.metrics(file);
        assertEquals(List.of(vm.source()), read.sources(), "the loader reads back exactly the form's source");
        assertEquals(List.of(vm.source()), started, "and that source is polled now");
        assertFalse(read.trafficBaselineGiven(), "the baseline stays the default, and the dashboard says so");
        assertTrue(vm.statusProperty().get().startsWith("Saved " + file), vm.statusProperty().get());
    }

    @Test
    void anExistingFileIsReplacedOnlyAfterConfirmationAndKeptAsBak() throws IOException {
        Path file = dir.resolve("metrics.json");
        byte[] old = "{ \"sources\": [] }\n".getBytes(StandardCharsets.UTF_8);
        Files.write(file, old);
        ConnectMetricsViewModel vm = form(file);
        vm.urlProperty().set("http://127.0.0.1:9090");
        vm.field(Metric.CPU).set("100 * avg(rate(cpu[1m]))");

        confirmAnswer = false;
        vm.save();
        assertEquals(1, confirmations.size());
        assertTrue(confirmations.get(0).contains("metrics.json.bak"), confirmations.get(0));
        assertArrayEquals(old, Files.readAllBytes(file), "declined: the file is left byte for byte");
        assertFalse(Files.exists(MetricsFileWriter.backupOf(file)));
        assertTrue(started.isEmpty());

        confirmAnswer = true;
        vm.save();
        assertArrayEquals(old, Files.readAllBytes(MetricsFileWriter.backupOf(file)), "the old file is kept as .bak");
        assertEquals(List.of(vm.source()), MetricsConfigLoader.metrics(file).sources());
        assertEquals(1, started.size());
        try (var names = Files.list(dir)) {
            assertEquals(List.of("metrics.json", "metrics.json.bak"), names.map(p -> p.getFileName().toString())
                    .sorted().toList(), "no temporary file left behind");
        }
    }

    @Test
    void withoutAMetricsFileSaveSaysHowToNameOne() {
        ConnectMetricsViewModel vm = form(null);
        vm.urlProperty().set("http://127.0.0.1:9090");
        vm.field(Metric.CPU).set("up");
        vm.save();
        assertTrue(vm.statusProperty().get().contains("metricsFile"), vm.statusProperty().get());
        assertTrue(started.isEmpty());
    }
}
