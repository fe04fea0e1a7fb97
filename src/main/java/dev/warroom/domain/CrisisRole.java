package dev.warroom.domain;

import java.util.Locale;

/**
 * A role in the crisis team, e.g. incident commander. Built-in roles come first; the config may add
 * more. {@code key} is what the store keeps ("incident-commander"), {@code title} what people read.
 */
public record CrisisRole(String key, String title) {
    public static final CrisisRole COMMANDER = new CrisisRole("incident-commander", "Incident commander");
    public static final CrisisRole COMMS_LEAD = new CrisisRole("communications-lead", "Communications lead");
    public static final CrisisRole SCRIBE = new CrisisRole("scribe", "Scribe");
    public static final int MAX_HOLDER = 40;
    public static final int MAX_TITLE = 40;

    /** A role from its title as written in config: "Infrastructure lead" → key "infrastructure-lead". */
    public static CrisisRole titled(String title) {
        String t = title == null ? "" : title.strip();
        if (t.isEmpty() || t.length() > MAX_TITLE) {
            throw new InvalidInputException("role", "A role needs a title of 1 to " + MAX_TITLE + " characters.");
        }
        PlainText.check("role", "Role title", t, false);
        String key = t.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (key.isEmpty()) {
            throw new InvalidInputException("role", "Role \"" + t + "\" needs at least one letter or digit.");
        }
        return new CrisisRole(key, t);
    }

    /** Who holds a role as typed: "@alice" and "alice" are the same person; blank is refused. */
    public static String validHolder(String holder) {
        String h = holder == null ? "" : holder.strip();
        if (h.startsWith("@")) {
            h = h.substring(1).strip();
        }
        if (h.isEmpty()) {
            throw new InvalidInputException("holder", "Name the person who takes the role.");
        }
        if (h.length() > MAX_HOLDER) {
            throw new InvalidInputException("holder", "A name is at most " + MAX_HOLDER + " characters.");
        }
        return PlainText.check("holder", "The name", h, false);
    }
}
