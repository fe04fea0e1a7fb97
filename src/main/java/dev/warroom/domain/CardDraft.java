package dev.warroom.domain;

import java.time.Instant;

/**
 * What a person typed into the card form, already validated: build one with {@link #of}. The ETA has
 * been resolved to an instant against the clock at the time of typing.
 */
public record CardDraft(String title, String description, CardKind kind, Priority priority, String assignee,
                        Instant eta, String statusNote, String publicSummary) {

    public CardDraft {
        publicSummary = publicSummary == null ? "" : publicSummary;
    }

    /** A draft with no public summary. */
    public CardDraft(String title, String description, CardKind kind, Priority priority, String assignee,
                     Instant eta, String statusNote) {
        this(title, description, kind, priority, assignee, eta, statusNote, "");
    }

    /** As {@link #of(String, String, CardKind, Priority, String, String, String, String, Instant, java.time.ZoneId)}
     * with no public summary. */
    public static CardDraft of(String title, String description, CardKind kind, Priority priority, String assignee,
                               String etaText, String statusNote, Instant now, java.time.ZoneId zone) {
        return of(title, description, kind, priority, assignee, etaText, statusNote, "", now, zone);
    }

    /**
     * Validates raw form input. Throws {@link InvalidInputException} naming the field at fault.
     *
     * @param etaText "4h", "90m", "1h30m", "16:30" or blank; see {@link Eta#parse}
     * @param publicSummary what customers may read about the work; blank keeps the card out of customer messages
     */
    public static CardDraft of(String title, String description, CardKind kind, Priority priority, String assignee,
                               String etaText, String statusNote, String publicSummary, Instant now,
                               java.time.ZoneId zone) {
        String t = PlainText.check("title", "Title", title == null ? "" : title.strip(), false);
        if (t.isEmpty()) {
            throw new InvalidInputException("title", "Title is empty: say what the work is, e.g. \"Signup failing\".");
        }
        if (t.length() > Card.MAX_TITLE) {
            throw new InvalidInputException("title", "Title is " + t.length() + " characters; keep it to "
                    + Card.MAX_TITLE + " and put the rest in the description.");
        }
        String d = PlainText.check("description", "Description", description == null ? "" : description.strip(), true);
        if (d.length() > Card.MAX_DESCRIPTION) {
            throw new InvalidInputException("description", "Description is " + d.length()
                    + " characters; the limit is " + Card.MAX_DESCRIPTION + ".");
        }
        String a = PlainText.check("assignee", "Assignee", assignee == null ? "" : assignee.strip(), false);
        if (a.startsWith("@")) {
            a = a.substring(1).strip();
        }
        if (a.length() > Card.MAX_ASSIGNEE) {
            throw new InvalidInputException("assignee", "Assignee is longer than " + Card.MAX_ASSIGNEE + " characters.");
        }
        if (a.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidInputException("assignee", "Assignee \"" + a + "\" has spaces; use one handle such as @alice.");
        }
        String s = PlainText.check("status", "Status note", statusNote == null ? "" : statusNote.strip(), false);
        if (s.length() > Card.MAX_STATUS) {
            throw new InvalidInputException("status", "Status note is longer than " + Card.MAX_STATUS
                    + " characters; it is a short tag like \"Testing\".");
        }
        String p = PlainText.check("publicSummary", "Public summary", publicSummary == null ? "" : publicSummary.strip(),
                false);
        if (p.length() > Card.MAX_PUBLIC_SUMMARY) {
            throw new InvalidInputException("publicSummary", "Public summary is " + p.length()
                    + " characters; keep it to " + Card.MAX_PUBLIC_SUMMARY + ", one line customers can read.");
        }
        Instant eta = Eta.parse(etaText, now, zone);
        return new CardDraft(t, d, kind == null ? CardKind.SCALING : kind,
                priority == null ? Priority.HIGH : priority, a, eta, s, p);
    }
}
