package dev.warroom.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.MetricSample;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns lines of a metrics file into samples. Formats:
 * <ul>
 *   <li>CSV, long: header {@code timestamp,metric,value}, then e.g. {@code 2026-11-23T10:00:00Z,cpu,71.5}</li>
 *   <li>CSV, wide: header {@code timestamp,<metric key>,<metric key>...}, one column per metric</li>
 *   <li>JSON lines: {@code {"timestamp":"...","metric":"cpu","value":71.5}} or wide
 *       {@code {"timestamp":"...","cpu":71.5,"memory":64}}</li>
 * </ul>
 * CSV cells may be quoted ({@code "cpu"}, {@code "a,b"}); a byte order mark before the header is
 * ignored. A timestamp is an ISO-8601 instant or epoch seconds (fractions allowed). Blank lines and
 * lines starting with {@code #} are skipped. A bad row throws {@link BadRow}, which the
 * tailer counts and reports with its line number.
 */
final class FileRows {

    static final class BadRow extends Exception {
        BadRow(String reason) {
            super(reason, null, false, false);
        }
    }

    enum Format { CSV, JSON_LINES }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A real CSV parser (Jackson's, from the same BOM as the JSON reader), one record per line. */
    private static final ObjectReader CSV_ROW = new CsvMapper().readerFor(String[].class)
            .with(CsvParser.Feature.WRAP_AS_ARRAY).with(CsvParser.Feature.TRIM_SPACES)
            .with(CsvSchema.emptySchema().withoutHeader());
    /** Spreadsheet tools start UTF-8 files with U+FEFF; it is not part of the first column's name. */
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final Format format;
    private List<String> csvHeader;

    FileRows(Format format) {
        this.format = format;
    }

    /** Forget the CSV header: the file starts again (truncation, rotation). */
    void restart() {
        csvHeader = null;
    }

    /** Samples of one non-blank, non-comment line; header lines yield nothing. */
    List<MetricSample> parse(String line) throws BadRow {
        return format == Format.CSV ? csv(line) : jsonLine(line);
    }

    private List<MetricSample> csv(String line) throws BadRow {
        String[] cells = cells(csvHeader == null && line.startsWith(BYTE_ORDER_MARK) ? line.substring(1) : line);
        if (csvHeader == null) {
            if (!cells[0].equals("timestamp") || cells.length < 2) {
                throw new BadRow("expected a header starting with \"timestamp\", got \"" + shorten(line) + "\"");
            }
            List<String> header = List.of(cells);
            if (!header.equals(List.of("timestamp", "metric", "value"))) {
                for (int i = 1; i < cells.length; i++) {
                    if (Metric.byKey(cells[i]).isEmpty()) {
                        throw new BadRow("header column \"" + cells[i] + "\" is not a metric; known: "
                                + Metric.knownKeys());
                    }
                }
            }
            csvHeader = header;
            return List.of();
        }
        if (cells.length != csvHeader.size()) {
            throw new BadRow("expected " + csvHeader.size() + " columns, found " + cells.length);
        }
        Instant at = timestamp(cells[0]);
        if (csvHeader.size() == 3 && csvHeader.get(1).equals("metric")) {
            return List.of(new MetricSample(metric(cells[1]), at, number(cells[2], cells[1])));
        }
        List<MetricSample> samples = new ArrayList<>(cells.length - 1);
        for (int i = 1; i < cells.length; i++) {
            if (!cells[i].isEmpty()) {
                samples.add(new MetricSample(metric(csvHeader.get(i)), at, number(cells[i], csvHeader.get(i))));
            }
        }
        return samples;
    }

    /** One CSV record: RFC 4180 quoting ({@code "a,b"}, {@code ""} for a quote), spaces around cells trimmed. */
    private static String[] cells(String line) throws BadRow {
        try (MappingIterator<String[]> rows = CSV_ROW.readValues(line)) {
            if (!rows.hasNext()) {
                return new String[] {""};
            }
            String[] cells = rows.next();
            if (rows.hasNext()) {
                throw new BadRow("more than one CSV record on the line");
            }
            return cells;
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.toString() : e.getMessage().split("\n")[0];
            throw new BadRow("not a valid CSV line: " + shorten(reason));
        }
    }

    private List<MetricSample> jsonLine(String line) throws BadRow {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (IOException e) {
            throw new BadRow("not valid JSON: " + shorten(e.getMessage().split("\n")[0]));
        }
        if (node == null || !node.isObject()) {
            throw new BadRow("expected a JSON object per line");
        }
        JsonNode ts = node.get("timestamp");
        if (ts == null) {
            throw new BadRow("missing \"timestamp\"");
        }
        Instant at = timestamp(ts.asText());
        if (node.has("metric")) {
            Metric metric = metric(node.get("metric").asText());
            JsonNode value = node.get("value");
            if (value == null || !value.isNumber()) {
                throw new BadRow("\"value\" for " + metric.key() + " is missing or not a number");
            }
            return List.of(new MetricSample(metric, at, value.asDouble()));
        }
        List<MetricSample> samples = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equals("timestamp")) {
                continue;
            }
            Metric metric = metric(field.getKey());
            if (!field.getValue().isNumber()) {
                throw new BadRow("\"" + field.getKey() + "\" is not a number");
            }
            samples.add(new MetricSample(metric, at, field.getValue().asDouble()));
        }
        if (samples.isEmpty()) {
            throw new BadRow("no metric values in the line");
        }
        return samples;
    }

    private static Metric metric(String key) throws BadRow {
        Optional<Metric> metric = Metric.byKey(key);
        if (metric.isEmpty()) {
            throw new BadRow("unknown metric \"" + shorten(key) + "\"");
        }
        return metric.get();
    }

    private static double number(String text, String metric) throws BadRow {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new BadRow("value \"" + shorten(text) + "\" for " + metric + " is not a number");
        }
    }

    private static Instant timestamp(String text) throws BadRow {
        try {
            if (!text.isEmpty() && (Character.isDigit(text.charAt(0)) && !text.contains("-"))) {
                double seconds = Double.parseDouble(text);
                return Instant.ofEpochMilli(Math.round(seconds * 1000));
            }
            return Instant.parse(text);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new BadRow("timestamp \"" + shorten(text)
                    + "\" is neither an ISO-8601 instant nor epoch seconds");
        }
    }

    private static String shorten(String s) {
        return dev.warroom.domain.PlainText.clip(s, 61);
    }
}
