package dev.warroom.domain.plan;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** How far one crisis got with one checklist: its ticks by item id and the count done. */
public record ChecklistProgress(ChecklistTemplate template, Map<String, ChecklistTick> ticks) {

    public static ChecklistProgress of(ChecklistTemplate template, List<ChecklistTick> all) {
        return new ChecklistProgress(template, all.stream()
                .filter(t -> t.checklistId().equals(template.id()) && template.item(t.itemId()).isPresent())
                .collect(Collectors.toMap(ChecklistTick::itemId, Function.identity(), (a, b) -> a)));
    }

    public int done() {
        return ticks.size();
    }

    public int total() {
        return template.items().size();
    }

    public double fraction() {
        return total() == 0 ? 0 : (double) done() / total();
    }

    public boolean complete() {
        return done() == total();
    }

    /** "4 / 6", the at-a-glance count. */
    public String summary() {
        return done() + " / " + total();
    }
}
