package dev.warroom.domain;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** WIP limits and SLAs per column. Defaults follow the seed: IN PROGRESS max 1, REVIEW 1 h. */
public record BoardPolicy(Map<Column, WipLimit> wipLimits, Map<Column, ReviewSla> slas) {

    public BoardPolicy {
        wipLimits = Map.copyOf(wipLimits);
        slas = Map.copyOf(slas);
    }

    public static BoardPolicy defaults() {
        return new BoardPolicy(
                Map.of(Column.IN_PROGRESS, new WipLimit(Column.IN_PROGRESS, 1)),
                Map.of(Column.REVIEW, new ReviewSla(Column.REVIEW, Duration.ofHours(1))));
    }

    public Optional<WipLimit> wipLimit(Column column) {
        return Optional.ofNullable(wipLimits.get(column));
    }

    public Optional<ReviewSla> sla(Column column) {
        return Optional.ofNullable(slas.get(column));
    }

    public BoardPolicy withWipLimit(Column column, Integer max) {
        Map<Column, WipLimit> next = new EnumMap<>(Column.class);
        next.putAll(wipLimits);
        if (max == null) {
            next.remove(column);
        } else {
            next.put(column, new WipLimit(column, max));
        }
        return new BoardPolicy(next, slas);
    }

    public BoardPolicy withSla(Column column, Duration allowed) {
        Map<Column, ReviewSla> next = new EnumMap<>(Column.class);
        next.putAll(slas);
        if (allowed == null) {
            next.remove(column);
        } else {
            next.put(column, new ReviewSla(column, allowed));
        }
        return new BoardPolicy(wipLimits, next);
    }
}
