package dev.warroom.ui;

import dev.warroom.ui.board.CardForm;
import dev.warroom.ui.comms.SaveRequest;
import dev.warroom.ui.crisis.CrisisForm;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every dialog the app shows goes through here, so views stay thin and tests can answer dialogs
 * without a screen. Validators return an error message, or null when the input is acceptable; a
 * dialog stays open until its input is accepted or the person cancels.
 */
public interface DialogService {

    void showError(String title, String message);

    /** Shows a long text (e.g. a source's full failure message) to read and copy; nothing to decide. */
    default void showText(String title, String text) {
        showError(title, text);
    }

    boolean confirm(String title, String message, String confirmLabel);

    /** Asks for the reason to override a refused WIP limit; empty when the person backs off. */
    Optional<String> askOverrideReason(String refusal, Function<String, String> validator);

    /** The card form, new or prefilled; {@code isNew} chooses the column picker and the title. */
    Optional<CardForm> editCard(CardForm initial, boolean isNew, Function<CardForm, String> validator);


    /** Team stress (1–10) and ETA to stable ("4h", "16:30", blank: from the board). */
    Optional<String[]> teamStatus(int stress, String eta, Function<String[], String> validator);

    // scale debt and plan (issue 6)

    /** The scale-debt form, new or prefilled. */
    Optional<dev.warroom.ui.debt.DebtForm> editDebt(dev.warroom.ui.debt.DebtForm initial, boolean isNew,
                                                    Function<dev.warroom.ui.debt.DebtForm, String> validator);

    /** Asks for one line of text (a sign-off name, a rationale); empty when the person backs off. */
    Optional<String> askText(String title, String message, String prompt, String confirmLabel,
                             Function<String, String> validator);

    /** Status and note of a key result measured by hand. */
    Optional<dev.warroom.ui.plan.KeyResultForm> setKeyResult(String keyResult, dev.warroom.ui.plan.KeyResultForm initial,
                                                             Function<dev.warroom.ui.plan.KeyResultForm, String> validator);

    /** Where to save an export; empty when cancelled. Overwriting is confirmed separately by the caller. */
    Optional<java.nio.file.Path> chooseExportFile(String title, String suggestedName, String extension);
    // crisis lifecycle and comms

    /** Name, scale severity, start time and incident commander of a new crisis. */
    Optional<CrisisForm> startCrisisWithTeam(Function<CrisisForm, String> validator);

    /** Why the message {@code what} is skipped; empty when the person backs off. */
    Optional<String> askSkipReason(String what, Function<String, String> validator);

    /** Who takes {@code roleTitle} (currently held by {@code current}, may be null). */
    Optional<String> askRoleHolder(String roleTitle, String current, Function<String, String> validator);

    /** Folder and file name to save a message to, starting from {@code folder}. */
    Optional<SaveRequest> askSaveTarget(Path folder, String suggestedName);

    /**
     * WIP limit and SLA per column as text ({@code [wip, sla]}: "2", "45m", blank for none); empty when
     * the person backs off.
     */
    Optional<java.util.Map<dev.warroom.domain.Column, String[]>> editLimits(
            java.util.Map<dev.warroom.domain.Column, String[]> current,
            Function<java.util.Map<dev.warroom.domain.Column, String[]>, String> validator);
}
