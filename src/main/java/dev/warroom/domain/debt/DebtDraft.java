package dev.warroom.domain.debt;

import dev.warroom.domain.InvalidInputException;
import dev.warroom.domain.PlainText;

/** Validated text of the debt form. Build with {@link #of}; errors name the field at fault. */
public record DebtDraft(String area, String shortcut, String reason, String owner, int fixWeek, DebtStatus status) {
    public static final int MAX_AREA = 40;
    public static final int MAX_SHORTCUT = 200;
    public static final int MAX_REASON = 1000;
    public static final int MAX_OWNER = 40;
    public static final int FIRST_WEEK = 1;
    public static final int LAST_WEEK = 4;

    public static DebtDraft of(String area, String shortcut, String reason, String owner, String week,
                               DebtStatus status) {
        String a = required(area, "area", "Area is empty: name the part of the system, e.g. \"Database\".",
                MAX_AREA);
        String s = required(shortcut, "shortcut", "Shortcut is empty: say what was done quickly, e.g. "
                + "\"Connection limit hard-coded to 500\".", MAX_SHORTCUT);
        String r = PlainText.check("reason", "Reason", reason == null ? "" : reason.strip(), true);
        if (r.length() > MAX_REASON) {
            throw new InvalidInputException("reason", "Reason is longer than " + MAX_REASON + " characters.");
        }
        String o = required(owner, "owner", "Owner is empty: somebody has to pay this back.", MAX_OWNER);
        if (o.startsWith("@")) {
            o = o.substring(1).strip();
        }
        return new DebtDraft(a, s, r, o, week(week), status == null ? DebtStatus.OPEN : status);
    }

    /** Parses "1" to "4" (also "week 2", "w3"). */
    public static int week(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("week")) {
            t = t.substring(4).strip();
        } else if (t.startsWith("w")) {
            t = t.substring(1).strip();
        }
        if (t.isEmpty()) {
            throw new InvalidInputException("week", "Fix-by week is empty: pick week 1 to 4 after the crisis.");
        }
        int w;
        try {
            w = Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("week", "Fix-by week \"" + text.strip() + "\" is not a number; "
                    + "pick week 1 to 4 after the crisis.");
        }
        if (w < FIRST_WEEK || w > LAST_WEEK) {
            throw new InvalidInputException("week", "Fix-by week " + w + " is outside the cleanup plan; pick week "
                    + FIRST_WEEK + " to " + LAST_WEEK + " after the crisis.");
        }
        return w;
    }

    private static String required(String value, String field, String emptyMessage, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new InvalidInputException(field, emptyMessage);
        }
        String label = Character.toUpperCase(field.charAt(0)) + field.substring(1);
        if (v.length() > max) {
            throw new InvalidInputException(field, label + " is " + v.length() + " characters; keep it to " + max + ".");
        }
        PlainText.check(field, label, v, false);
        return v;
    }
}
