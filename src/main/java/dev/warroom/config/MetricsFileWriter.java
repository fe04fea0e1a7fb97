package dev.warroom.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warroom.domain.metric.Metric;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;

/**
 * Writes a metrics file in the format {@link MetricsConfigLoader} reads: what the "Connect metrics…" form
 * saves. A file already there is replaced in one step (a temporary file in the same folder, moved over it),
 * and the old one is kept beside it as {@code NAME.bak}; a failure leaves the old file as it was.
 */
public final class MetricsFileWriter {
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private MetricsFileWriter() {
    }

    /** Where the old file is kept when {@code file} is replaced. */
    public static Path backupOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".bak");
    }

    /** The metrics file holding {@code source} alone; {@code trafficBaseline} null leaves the default in use. */
    public static String json(SourceConfig source, Double trafficBaseline) {
        ObjectNode root = MAPPER.createObjectNode();
        if (trafficBaseline != null) {
            root.put("trafficBaseline", trafficBaseline);
        }
        ArrayNode sources = root.putArray("sources");
        ObjectNode s = sources.addObject();
        s.put("name", source.name());
        if (source instanceof SourceConfig.Prometheus p) {
            s.put("kind", "prometheus");
            common(s, source, p.url(), p.tokenEnv());
            s.put("multipleSeries", p.multipleSeries() == null ? "refuse" : p.multipleSeries());
            keys(s.putObject("queries"), p.queries());
        } else if (source instanceof SourceConfig.Json j) {
            s.put("kind", "json");
            common(s, source, j.url(), j.tokenEnv());
            keys(s.putObject("pointers"), j.pointers());
        } else {
            throw new IllegalArgumentException("the form writes Prometheus and JSON sources, not " + source);
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("metrics file could not be written as JSON", e);
        }
    }

    private static void common(ObjectNode s, SourceConfig source, String url, String tokenEnv) {
        s.put("interval", duration(source.interval()));
        s.put("timeout", duration(source.timeout()));
        s.put("url", url);
        if (tokenEnv != null) {
            s.put("tokenEnv", tokenEnv);
        }
    }

    private static void keys(ObjectNode into, Map<Metric, String> byMetric) {
        byMetric.forEach((metric, text) -> into.put(metric.key(), text));
    }

    /** "5s" or "1500ms": exact, and read back to the same duration. */
    static String duration(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    /**
     * Writes {@code content} to {@code file}: first to a temporary file in the same folder (forced to disk),
     * then a copy of the file already there to {@link #backupOf}, then one move over the old name. A failure
     * names the file and leaves the one already there untouched.
     */
    public static void replace(Path file, String content) {
        Path folder = file.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(folder, "." + file.getFileName() + "-", ".tmp");
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
                out.force(true);
            }
            if (Files.exists(file)) {
                Files.copy(file, backupOf(file), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the metrics file " + file + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the temporary file is ours and empty of anything the user wrote; nothing more to do
                }
            }
        }
    }
}
