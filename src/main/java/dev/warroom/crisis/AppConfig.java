package dev.warroom.crisis;

import dev.warroom.domain.BoardPolicy;
import dev.warroom.domain.Column;
import dev.warroom.domain.Durations;
import java.util.Map;

/**
 * The configuration as read from JSON: {@code data/config.json} shipped with the app, overridden field
 * by field by the user's {@code --config} file. Every field may be absent in the user file.
 *
 * @param actor          name written into the timeline for this window's changes (default: the OS user)
 * @param metricsFile    metric sources JSON replacing the built-in data/metrics.json (relative to the
 *                       user config file's folder)
 * @param alertRulesFile alert rules JSON replacing the built-in data/alert-rules.json
 */
public record AppConfig(String actor, BoardSection board, String metricsFile, String alertRulesFile) {

    /** WIP limits (whole numbers, at least 1) and SLAs ("1h", "45m") per column name. */
    public record BoardSection(Map<String, Integer> wipLimits, Map<String, String> slas) {
    }

    /** The policy a new database starts with. */
    public BoardPolicy initialPolicy() {
        BoardPolicy policy = BoardPolicy.defaults().withWipLimit(Column.IN_PROGRESS, null).withSla(Column.REVIEW, null);
        if (board == null) {
            return BoardPolicy.defaults();
        }
        if (board.wipLimits() != null) {
            for (Map.Entry<String, Integer> e : board.wipLimits().entrySet()) {
                policy = policy.withWipLimit(Column.valueOf(e.getKey()), e.getValue());
            }
        }
        if (board.slas() != null) {
            for (Map.Entry<String, String> e : board.slas().entrySet()) {
                policy = policy.withSla(Column.valueOf(e.getKey()), Durations.parse(e.getValue(), e.getKey()));
            }
        }
        return policy;
    }
}
