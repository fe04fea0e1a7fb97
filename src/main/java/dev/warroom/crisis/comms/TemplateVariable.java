package dev.warroom.crisis.comms;

import java.util.List;

/** A value a template can use, with what it holds; the editor lists these beside the text. */
public record TemplateVariable(String name, String meaning) {

    public static final List<TemplateVariable> ALL = List.of(
            new TemplateVariable("crisis_name", "Name of the crisis"),
            new TemplateVariable("clock", "Crisis clock, e.g. T+06:12"),
            new TemplateVariable("elapsed", "Time since the start, e.g. 6h 12m"),
            new TemplateVariable("phase", "Phase of the 72-hour plan"),
            new TemplateVariable("severity", "Scale severity: GROWTH, SURGE or VIRAL"),
            new TemplateVariable("commander", "Incident commander"),
            new TemplateVariable("comms_lead", "Communications lead"),
            new TemplateVariable("now", "Local time now, e.g. 14:05"),
            new TemplateVariable("traffic_multiple", "Traffic against normal, e.g. 50x"),
            new TemplateVariable("uptime", "Uptime, e.g. 99.8%"),
            new TemplateVariable("p95_latency", "Response time p95, e.g. 420 ms"),
            new TemplateVariable("error_rate", "Error rate, e.g. 1.2%"),
            new TemplateVariable("signups_per_hour", "Signups in the last hour"),
            new TemplateVariable("active_users", "Active users now"),
            new TemplateVariable("new_users_24h", "New users in the last 24 hours (or since the start), from signups"),
            new TemplateVariable("uptime_12h", "Average uptime over the last 12 hours"),
            new TemplateVariable("p95_peak", "Worst p95 response time of the crisis (minute average)"),
            new TemplateVariable("p95_speedup", "How much faster p95 is now than at its worst, e.g. 3.1x"),
            new TemplateVariable("fixed", "List of DONE cards: {{#fixed}}{{title}}{{/fixed}}. For customers only "
                    + "cards with a public summary, which stands in for the title"),
            new TemplateVariable("fixed_count", "How many cards are done"),
            new TemplateVariable("working", "IN PROGRESS, REVIEW and CRITICAL/HIGH backlog cards: title, eta. "
                    + "For customers only cards with a public summary, as their title"),
            new TemplateVariable("working_count", "How many cards are still being worked on"),
            new TemplateVariable("next_update", "Local time of the next update on this channel"),
            new TemplateVariable("next_update_in", "How long until the next update, e.g. 2h"));

    /** Fields of each item in the {@code fixed} and {@code working} lists. */
    public static final List<String> ITEM_FIELDS = List.of("title", "assignee", "eta", "priority");

    public static boolean known(String name) {
        return ALL.stream().anyMatch(v -> v.name().equals(name)) || ITEM_FIELDS.contains(name);
    }
}
