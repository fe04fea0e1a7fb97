package dev.warroom.ui.debt;

import dev.warroom.domain.debt.DebtEntry;
import dev.warroom.domain.debt.DebtStatus;

/** The debt dialog's raw text, before validation. */
public record DebtForm(String area, String shortcut, String reason, String owner, String week, DebtStatus status) {

    public static DebtForm blank() {
        return new DebtForm("", "", "", "", "1", DebtStatus.OPEN);
    }

    public static DebtForm of(DebtEntry e) {
        return new DebtForm(e.area(), e.shortcut(), e.reason(), e.owner(), String.valueOf(e.fixWeek()), e.status());
    }
}
