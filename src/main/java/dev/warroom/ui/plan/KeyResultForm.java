package dev.warroom.ui.plan;

import dev.warroom.domain.plan.OkrStatus;

/** A hand-set key result as typed: status and the note behind it. */
public record KeyResultForm(OkrStatus status, String note) {
}
