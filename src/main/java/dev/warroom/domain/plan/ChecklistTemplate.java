package dev.warroom.domain.plan;

import java.util.List;
import java.util.Optional;

/**
 * A checklist as shipped in {@code data/checklists/}: sections of items. An item may be a sign-off
 * (ticked with a person's name) and may name an {@link AutoTick} rule that ticks it from what the app
 * can observe.
 */
public record ChecklistTemplate(String id, String title, String when, List<Section> sections) {

    public record Section(String title, List<Item> items) {
    }

    /**
     * @param signOff true when ticking asks for the name of the person signing for {@code text} (a role)
     * @param autoTick rule id, or null
     */
    public record Item(String id, String text, boolean signOff, String autoTick) {
    }

    public List<Item> items() {
        return sections.stream().flatMap(s -> s.items().stream()).toList();
    }

    public Optional<Item> item(String itemId) {
        return items().stream().filter(i -> i.id().equals(itemId)).findFirst();
    }
}
