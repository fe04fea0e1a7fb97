package dev.warroom.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.MetricSample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTailSourceTest {

    @TempDir
    Path dir;

    private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

    private static void append(Path file, String text) throws Exception {
        Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void longCsvIsTailedIncrementallyAndBadRowsAreReportedByLine() throws Exception {
        Path file = dir.resolve("feed.csv");
        append(file, "timestamp,metric,value\n"
                + "2026-11-23T10:00:00Z,cpu,71.5\n"
                + "2026-11-23T10:00:00Z,cpu,lots\n"
                + "yesterday,cpu,3\n"
                + "2026-11-23T10:00:00Z,disk,3\n"
                + "\n"
                + "# a comment\n"
                + "1763892001.5,error-rate,0.4\n"
                + "2026-11-23T10:00:02Z,cpu\n"
                + "2026-11-23T10:00:03Z,memory,5");   // unfinished line: waits
        FileTailSource source = new FileTailSource("csv", file, FileRows.Format.CSV, Set.of());
        PollResult first = source.poll();
        assertTrue(first.ok());
        assertEquals(List.of(new MetricSample(Metric.CPU, T, 71.5),
                new MetricSample(Metric.ERROR_RATE, Instant.ofEpochMilli(1763892001500L), 0.4)), first.samples());
        assertEquals(List.of(
                "line 3: value \"lots\" for cpu is not a number",
                "line 4: timestamp \"yesterday\" is neither an ISO-8601 instant nor epoch seconds",
                "line 5: unknown metric \"disk\"",
                "line 9: expected 3 columns, found 2"), first.notes());
        assertEquals(4, source.badRows());

        append(file, "2.5\n");
        PollResult second = source.poll();
        assertEquals(List.of(new MetricSample(Metric.MEMORY, Instant.parse("2026-11-23T10:00:03Z"), 52.5)),
                second.samples());
        assertEquals(List.of(), second.notes());
        assertEquals(List.of(), source.poll().samples());
        assertEquals(Set.of(Metric.CPU, Metric.ERROR_RATE, Metric.MEMORY), source.metrics());
    }

    @Test
    void quotedCsvFieldsAreReadAsTheirText() throws Exception {
        Path file = dir.resolve("quoted.csv");
        append(file, "\"timestamp\",\"metric\",\"value\"\n"
                + "\"2026-11-23T10:00:00Z\",\"cpu\",\"71.5\"\n"
                + "2026-11-23T10:00:00Z,\"memory\", 64 \n"
                + "2026-11-23T10:00:00Z,\"cpu,memory\",3\n"
                + "2026-11-23T10:00:00Z,\"cpu,2\n");
        FileTailSource source = new FileTailSource("csv", file, FileRows.Format.CSV, Set.of());
        PollResult poll = source.poll();
        assertEquals(List.of(new MetricSample(Metric.CPU, T, 71.5), new MetricSample(Metric.MEMORY, T, 64)),
                poll.samples());
        assertEquals(2, poll.notes().size(), poll.notes().toString());
        assertEquals("line 4: unknown metric \"cpu,memory\"", poll.notes().get(0));
        assertTrue(poll.notes().get(1).startsWith("line 5: "), poll.notes().toString());
    }

    @Test
    void aByteOrderMarkBeforeTheHeaderIsNotPartOfIt() throws Exception {
        Path file = dir.resolve("excel.csv");
        Files.write(file, ("\uFEFFtimestamp,cpu,memory\r\n2026-11-23T10:00:00Z,50,60\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        FileTailSource source = new FileTailSource("excel", file, FileRows.Format.CSV, Set.of());
        PollResult poll = source.poll();
        assertEquals(List.of(), poll.notes());
        assertEquals(List.of(new MetricSample(Metric.CPU, T, 50), new MetricSample(Metric.MEMORY, T, 60)),
                poll.samples());
    }

    @Test
    void wideCsvAndTruncation() throws Exception {
        Path file = dir.resolve("wide.csv");
        append(file, "timestamp,cpu,memory\n2026-11-23T10:00:00Z,50,60\n2026-11-23T10:00:01Z,,61\n");
        FileTailSource source = new FileTailSource("wide", file, FileRows.Format.CSV, Set.of(Metric.CPU, Metric.MEMORY));
        assertEquals(3, source.poll().samples().size());

        Files.writeString(file, "timestamp,cpu\n2026-11-23T11:00:00Z,20\n"); // shorter: truncated and rewritten
        PollResult after = source.poll();
        assertEquals(List.of(new MetricSample(Metric.CPU, Instant.parse("2026-11-23T11:00:00Z"), 20)), after.samples());
        assertTrue(after.notes().get(0).endsWith("shrank (truncated); reading again from its start"), after.notes().toString());
    }

    @Test
    void rotationByReplacingTheFileIsNoticed() throws Exception {
        Path file = dir.resolve("feed.jsonl");
        append(file, "{\"timestamp\":\"2026-11-23T10:00:00Z\",\"metric\":\"cpu\",\"value\":40}\n"
                + "{\"timestamp\":\"2026-11-23T10:00:01Z\",\"metric\":\"cpu\",\"value\":41}\n");
        FileTailSource source = new FileTailSource("jsonl", file, FileRows.Format.JSON_LINES, Set.of());
        assertEquals(2, source.poll().samples().size());

        Path rotated = dir.resolve("feed.jsonl.1");
        Files.move(file, rotated);
        Path fresh = dir.resolve("feed.tmp");
        Files.writeString(fresh, "{\"timestamp\":\"2026-11-23T10:00:02Z\",\"cpu\":42,\"memory\":70}\n"
                + "{\"timestamp\":\"2026-11-23T10:00:03Z\",\"cpu\":\"high\"}\n"
                + "[1,2]\n"
                + "{\"timestamp\":\"2026-11-23T10:00:03Z\",\"cpu\":43}\n"
                + "{\"timestamp\":\"2026-11-23T10:00:03Z\",\"cpu\":44}\n"
                + "{\"timestamp\":\"2026-11-23T10:00:03Z\",\"cpu\":45}\n"
                + "{\"timestamp\":\"2026-11-23T10:00:03Z\",\"cpu\":46}\n");
        Files.move(fresh, file);
        PollResult result = source.poll();
        assertEquals(6, result.samples().size(), result.toString());
        assertTrue(result.notes().get(0).endsWith("was replaced (rotated); reading the new file from its start"));
        assertEquals("line 2: \"cpu\" is not a number", result.notes().get(1));
        assertEquals("line 3: expected a JSON object per line", result.notes().get(2));
    }

    @Test
    void missingFileIsAFailure() {
        Path file = dir.resolve("absent.csv");
        assertEquals("file not found: " + file,
                new FileTailSource("f", file, FileRows.Format.CSV, Set.of(Metric.CPU)).poll().failure());
    }
}
