package dev.warroom.metrics;

import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.MetricSample;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Tails a CSV or JSON-lines file that another tool appends to (formats in {@link FileRows}).
 * Each poll reads only what was appended since the last one, up to 4 MiB; an unfinished
 * last line waits for the next poll. A file that shrank (truncated) or was replaced
 * (rotated: different file key) is read again from its start. Bad rows are skipped, counted
 * and reported with their line number.
 */
public final class FileTailSource implements MetricSource {

    static final int MAX_READ = 4 << 20;
    private static final int MAX_NOTES = 5;

    private final String name;
    private final Path path;
    private final FileRows rows;
    private final Set<Metric> metrics;
    private final Set<Metric> seen = Collections.synchronizedSet(EnumSet.noneOf(Metric.class));
    private long offset;
    private long lineNumber;
    private Object fileKey;
    private long badRows;

    FileTailSource(String name, Path path, FileRows.Format format, Set<Metric> metrics) {
        this.name = name;
        this.path = path;
        this.rows = new FileRows(format);
        this.metrics = metrics.isEmpty() ? Set.of() : EnumSet.copyOf(metrics);
    }

    @Override
    public String name() {
        return name;
    }

    /** The configured metrics, or when none were configured, those seen in the file so far. */
    @Override
    public Set<Metric> metrics() {
        if (!metrics.isEmpty()) {
            return Set.copyOf(metrics);
        }
        synchronized (seen) {
            return Set.copyOf(seen);
        }
    }

    /** Rows refused since the source was created. */
    public synchronized long badRows() {
        return badRows;
    }

    @Override
    public synchronized PollResult poll() {
        List<String> notes = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            Object key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
            long size = channel.size();
            if (fileKey != null && key != null && !Objects.equals(key, fileKey)) {
                restart();
                notes.add(path + " was replaced (rotated); reading the new file from its start");
            } else if (size < offset) {
                restart();
                notes.add(path + " shrank (truncated); reading again from its start");
            }
            fileKey = key;
            return read(channel, size, notes);
        } catch (NoSuchFileException e) {
            return PollResult.failed("file not found: " + path);
        } catch (IOException e) {
            return PollResult.failed("cannot read " + path + ": " + e.getMessage());
        }
    }

    private PollResult read(FileChannel channel, long size, List<String> notes) throws IOException {
        int length = (int) Math.min(size - offset, MAX_READ);
        if (length <= 0) {
            return new PollResult(List.of(), Map.of(), notes, null);
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) > 0) {
            // keep reading until the chunk is full or the file ends
        }
        byte[] bytes = buffer.array();
        int filled = buffer.position();
        int end = lastNewline(bytes, filled);
        if (end < 0) {
            if (filled == MAX_READ) {
                offset += filled;
                lineNumber++;
                badRows++;
                notes.add("line " + lineNumber + ": longer than " + (MAX_READ >> 20) + " MiB, skipped");
            }
            return new PollResult(List.of(), Map.of(), notes, null);
        }
        List<MetricSample> samples = new ArrayList<>();
        int start = 0;
        int reported = 0;
        for (int i = 0; i <= end; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            String line = new String(bytes, start, i - start, StandardCharsets.UTF_8).strip();
            start = i + 1;
            lineNumber++;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                for (MetricSample sample : rows.parse(line)) {
                    samples.add(sample);
                    seen.add(sample.metric());
                }
            } catch (FileRows.BadRow bad) {
                badRows++;
                if (reported++ < MAX_NOTES) {
                    notes.add("line " + lineNumber + ": " + bad.getMessage());
                }
            }
        }
        if (reported > MAX_NOTES) {
            notes.add((reported - MAX_NOTES) + " more bad rows in this read");
        }
        offset += end + 1;
        return new PollResult(samples, Map.of(), notes, null);
    }

    private void restart() {
        offset = 0;
        lineNumber = 0;
        rows.restart();
    }

    private static int lastNewline(byte[] bytes, int filled) {
        for (int i = filled - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
