package dev.warroom.crisis;

import dev.warroom.config.ConfigException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.domain.plan.ChecklistTemplate;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChecklistLoaderTest {

    private static ChecklistTemplate parse(String json) {
        return ChecklistLoader.parse("my.json", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void builtInChecklistsLoad() {
        List<ChecklistTemplate> all = ChecklistLoader.loadBuiltIn();
        assertEquals(List.of("first-two-hours", "infrastructure-sprint", "feature-sprint", "recovery-week-1",
                "monthly-readiness", "scaling-sign-off"), all.stream().map(ChecklistTemplate::id).toList());
        ChecklistTemplate scaling = all.get(5);
        assertEquals(3, scaling.items().stream().filter(ChecklistTemplate.Item::signOff).count());
        assertEquals("features-paused", all.get(0).item("pause-features").orElseThrow().autoTick());
    }

    @Test
    void malformedFileNamesFileAndLine() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse("""
                {
                  "id": "x",
                  "title": "T"
                  "sections": []
                }"""));
        assertTrue(e.getMessage().startsWith("my.json"), e.getMessage());
        assertTrue(e.getMessage().contains("line 4"), e.getMessage());
    }

    @Test
    void duplicateItemIdNamesBothLines() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse("""
                {
                  "id": "x", "title": "T",
                  "sections": [
                    { "title": "A", "items": [ { "id": "one", "text": "first" } ] },
                    { "title": "B", "items": [
                        { "id": "two", "text": "second" },
                        { "id": "one", "text": "again" } ] }
                  ]
                }"""));
        assertTrue(e.getMessage().contains("my.json: at sections[1].items[1].id: duplicate item id \"one\" (line 7)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("first used on line 4"), e.getMessage());
    }

    @Test
    void unknownFieldsRulesAndEmptyTextsAreRefused() {
        assertTrue(assertThrows(ConfigException.class, () -> parse("""
                {"id": "x", "title": "T", "sections": [{"title": "A", "items": [
                  {"id": "a", "text": "t", "autotick": "crisis-started"}]}]}""")).getMessage()
                .contains("unknown field \"autotick\" (line 2)"));
        assertTrue(assertThrows(ConfigException.class, () -> parse("""
                {"id": "x", "title": "T", "sections": [{"title": "A", "items": [
                  {"id": "a", "text": "t", "autoTick": "magic"}]}]}""")).getMessage()
                .contains("unknown auto-tick rule \"magic\""));
        assertTrue(assertThrows(ConfigException.class, () -> parse("""
                {"id": "x", "title": "T", "sections": [{"title": "A", "items": [{"id": "a", "text": " "}]}]}"""))
                .getMessage().contains("sections[0].items[0].text"));
        assertTrue(assertThrows(ConfigException.class, () -> parse("{\"id\": \"x\", \"title\": \"T\", \"color\": 1}"))
                .getMessage().contains("unknown field \"color\""));
        assertTrue(assertThrows(ConfigException.class, () -> parse("{\"id\": \"Bad Id\", \"title\": \"T\"}"))
                .getMessage().contains("at id"));
    }

    @Test
    void duplicateChecklistIdsAcrossFiles() {
        byte[] one = "{\"id\": \"x\", \"title\": \"T\", \"sections\": [{\"title\": \"A\", \"items\": [{\"id\": \"a\", \"text\": \"t\"}]}]}"
                .getBytes(StandardCharsets.UTF_8);
        ConfigException e = assertThrows(ConfigException.class,
                () -> ChecklistLoader.load(List.of(Map.entry("a.json", one), Map.entry("b.json", one))));
        assertTrue(e.getMessage().startsWith("b.json"), e.getMessage());
        assertTrue(e.getMessage().contains("already used by a.json"), e.getMessage());
    }
}
