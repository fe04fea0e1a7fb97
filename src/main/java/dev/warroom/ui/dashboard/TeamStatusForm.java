package dev.warroom.ui.dashboard;

/** Team stress (1–10) and ETA to stable ("4h", "16:30", blank: from the board) as typed. */
public record TeamStatusForm(String stress, String eta) {
}
