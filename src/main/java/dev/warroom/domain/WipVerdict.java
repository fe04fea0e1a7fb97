package dev.warroom.domain;

import java.util.List;

/** Whether a card may enter a column, and if not, which limit and which cards hold its slots. */
public record WipVerdict(boolean allowed, WipLimit limit, List<Card> holders) {

    public static WipVerdict allow() {
        return new WipVerdict(true, null, List.of());
    }

    /**
     * Checks a move of {@code moving} into {@code target}. {@code occupants} are the cards already in
     * that column (the moving card itself is ignored if present: reordering never breaks a limit).
     */
    public static WipVerdict check(BoardPolicy policy, Card moving, Column target, List<Card> occupants) {
        WipLimit limit = policy.wipLimit(target).orElse(null);
        if (limit == null || moving.column() == target) {
            return allow();
        }
        List<Card> others = occupants.stream().filter(c -> c.id() != moving.id()).toList();
        if (others.size() + 1 <= limit.max()) {
            return allow();
        }
        return new WipVerdict(false, limit, others);
    }

    /** "IN PROGRESS WIP limit of 1 is reached: held by "DB scale" (@alice)." */
    public String message() {
        if (allowed) {
            return "";
        }
        StringBuilder sb = new StringBuilder(limit.describe()).append(" is reached: ");
        sb.append(holders.size() == 1 ? "the slot is held by " : "the slots are held by ");
        for (int i = 0; i < holders.size(); i++) {
            Card c = holders.get(i);
            if (i > 0) {
                sb.append(i == holders.size() - 1 ? " and " : ", ");
            }
            sb.append('"').append(c.title()).append('"');
            if (!c.assignee().isEmpty()) {
                sb.append(" (").append(c.handle()).append(')');
            }
        }
        return sb.append('.').toString();
    }
}
