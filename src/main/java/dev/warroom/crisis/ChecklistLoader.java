package dev.warroom.crisis;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.warroom.config.ConfigException;
import dev.warroom.config.ConfigJson;
import dev.warroom.domain.plan.AutoTick;
import dev.warroom.domain.plan.ChecklistTemplate;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads checklist templates from JSON, strictly: a malformed file, an unknown field, a missing text,
 * an unknown auto-tick rule or a duplicate id fails with {@link ConfigException} naming the file, the
 * place inside it and the line.
 *
 * <pre>{ "id": "first-two-hours", "title": "…", "when": "Hour 0–2",
 *   "sections": [ { "title": "…", "items": [
 *     { "id": "pause-features", "text": "…", "autoTick": "features-paused" },
 *     { "id": "sign-cto", "text": "CTO", "signOff": true } ] } ] }</pre>
 */
public final class ChecklistLoader {
    public static final String BUILT_IN = "data/checklists/";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Set<String> ITEM_FIELDS = Set.of("id", "text", "signOff", "autoTick");

    private ChecklistLoader() {
    }

    record FileJson(String id, String title, String when, List<SectionJson> sections) {
    }

    record SectionJson(String title, List<ItemJson> items) {
    }

    @JsonDeserialize(using = ItemReader.class)
    record ItemJson(JsonNode node, int line) {
    }

    static final class ItemReader extends JsonDeserializer<ItemJson> {
        @Override
        public ItemJson deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            int line = p.currentTokenLocation().getLineNr();
            return new ItemJson(ctxt.readTree(p), line);
        }
    }

    /** The checklists shipped with the app, in the order of {@code data/checklists/index.json}. */
    public static List<ChecklistTemplate> loadBuiltIn() {
        String indexName = BUILT_IN + "index.json";
        List<String> files;
        files = List.of(ConfigJson.read(ConfigJson.resourceBytes(indexName), ConfigJson.builtIn(indexName),
                String[].class));
        List<Map.Entry<String, byte[]>> sources = new ArrayList<>();
        for (String f : files) {
            sources.add(Map.entry(ConfigJson.builtIn(BUILT_IN + f), ConfigJson.resourceBytes(BUILT_IN + f)));
        }
        return load(sources);
    }

    /** Parses every source (name → bytes) and checks checklist ids are unique across them. */
    public static List<ChecklistTemplate> load(List<Map.Entry<String, byte[]>> sources) {
        List<ChecklistTemplate> out = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Map.Entry<String, byte[]> s : sources) {
            ChecklistTemplate t = parse(s.getKey(), s.getValue());
            String before = seen.putIfAbsent(t.id(), s.getKey());
            if (before != null) {
                throw new ConfigException(s.getKey(), "id", "checklist id \"" + t.id() + "\" is already used by "
                        + before + "; each checklist needs its own id");
            }
            out.add(t);
        }
        return out;
    }

    public static ChecklistTemplate parse(String source, byte[] bytes) {
        FileJson file = ConfigJson.read(bytes, source, FileJson.class);
        if (file == null) {
            throw new ConfigException(source, "", "is empty; expected a checklist object { ... }");
        }
        String id = checkId(source, "id", file.id(), "");
        text(source, "title", file.title(), "");
        if (file.sections() == null || file.sections().isEmpty()) {
            throw new ConfigException(source, "sections", "expected at least one section with items");
        }
        List<ChecklistTemplate.Section> sections = new ArrayList<>();
        Map<String, Integer> itemLines = new HashMap<>();
        for (int s = 0; s < file.sections().size(); s++) {
            SectionJson sj = file.sections().get(s);
            String sp = "sections[" + s + "]";
            if (sj == null) {
                throw new ConfigException(source, sp, "expected a section object { \"title\": …, \"items\": [ … ] }");
            }
            text(source, sp + ".title", sj.title(), "");
            if (sj.items() == null || sj.items().isEmpty()) {
                throw new ConfigException(source, sp + ".items", "expected at least one item");
            }
            List<ChecklistTemplate.Item> items = new ArrayList<>();
            for (int i = 0; i < sj.items().size(); i++) {
                items.add(item(source, sp + ".items[" + i + "]", sj.items().get(i), itemLines));
            }
            sections.add(new ChecklistTemplate.Section(sj.title().strip(), List.copyOf(items)));
        }
        return new ChecklistTemplate(id, file.title().strip(), file.when() == null ? "" : file.when().strip(),
                List.copyOf(sections));
    }

    private static ChecklistTemplate.Item item(String source, String path, ItemJson ij, Map<String, Integer> lines) {
        if (ij == null || !ij.node().isObject()) {
            throw new ConfigException(source, path, "expected an item object { \"id\": …, \"text\": … }"
                    + (ij == null ? "" : " (line " + ij.line() + ")"));
        }
        String at = " (line " + ij.line() + ")";
        JsonNode n = ij.node();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!ITEM_FIELDS.contains(f)) {
                throw new ConfigException(source, path, "unknown field \"" + f + "\"" + at + "; known fields here: "
                        + ITEM_FIELDS.stream().sorted().toList());
            }
        }
        String id = checkId(source, path + ".id", n.path("id").isTextual() ? n.get("id").asText() : null, at);
        Integer first = lines.putIfAbsent(id, ij.line());
        if (first != null) {
            throw new ConfigException(source, path + ".id", "duplicate item id \"" + id + "\"" + at
                    + "; it is first used on line " + first + ". Each item needs its own id so ticks stay with it");
        }
        String text = text(source, path + ".text", n.path("text").isTextual() ? n.get("text").asText() : null, at);
        JsonNode signOff = n.get("signOff");
        if (signOff != null && !signOff.isBoolean()) {
            throw new ConfigException(source, path + ".signOff", "expected true or false" + at);
        }
        JsonNode auto = n.get("autoTick");
        String rule = null;
        if (auto != null && !auto.isNull()) {
            if (!auto.isTextual() || !AutoTick.known(auto.asText())) {
                throw new ConfigException(source, path + ".autoTick", "unknown auto-tick rule " + auto + at
                        + "; known rules: " + AutoTick.knownRules());
            }
            rule = auto.asText();
        }
        return new ChecklistTemplate.Item(id, text, signOff != null && signOff.asBoolean(), rule);
    }

    private static String checkId(String source, String path, String id, String at) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new ConfigException(source, path, "expected an id of lower-case letters, digits and dashes, was "
                    + (id == null ? "missing" : "\"" + id + "\"") + at);
        }
        return id;
    }

    private static String text(String source, String path, String value, String at) {
        if (value == null || value.isBlank()) {
            throw new ConfigException(source, path, "expected a non-empty text" + at);
        }
        if (value.strip().length() > 200) {
            throw new ConfigException(source, path, "text is longer than 200 characters" + at);
        }
        return value.strip();
    }
}
