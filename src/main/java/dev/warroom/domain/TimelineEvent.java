package dev.warroom.domain;

import java.time.Instant;

/**
 * One line of the append-only timeline: who did what, when, and the state before and after (JSON
 * text, may be empty).
 *
 * @param subject what the event is about, e.g. "card:12" or "column:IN_PROGRESS"
 */
public record TimelineEvent(long id, Instant at, String actor, EventKind kind, String subject, String summary,
                            String before, String after) {

    public static TimelineEvent of(Instant at, String actor, EventKind kind, String subject, String summary,
                                   String before, String after) {
        return new TimelineEvent(0, at, actor, kind, subject, summary, before == null ? "" : before,
                after == null ? "" : after);
    }
}
