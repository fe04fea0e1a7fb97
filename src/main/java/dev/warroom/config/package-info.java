/**
 * Configuration: the files a person may edit (the main {@code --config} file, the metrics file, the alert
 * rules file) and the one strict JSON reader behind them and behind the shipped data files (checklists,
 * scenarios, the demo crisis).
 *
 * <p>One mapper ({@link dev.warroom.config.ConfigJson}), one error type
 * ({@link dev.warroom.config.ConfigException}, naming file, JSON path, what was expected, line and
 * column) and one duration format ({@link dev.warroom.domain.Durations}: {@code 500ms}, {@code 90s},
 * {@code 1.5m}, {@code 1h30m}, {@code 2h}). The package knows only the domain; metrics, crisis services
 * and the app read it.
 */
package dev.warroom.config;
