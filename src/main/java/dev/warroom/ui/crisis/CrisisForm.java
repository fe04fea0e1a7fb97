package dev.warroom.ui.crisis;

import dev.warroom.domain.metric.ScaleSeverity;

/** What the start-a-crisis dialog collects; {@code severity} may be null (not judged yet). */
public record CrisisForm(String name, ScaleSeverity severity, String start, String commander) {
}
