package dev.warroom.crisis.comms;

import java.util.Locale;

/**
 * A message template: its name (file name without ".mustache"), its source text, and whether it
 * ships with War Room or comes from the user's template folder.
 */
public record MessageTemplate(String name, String source, boolean shipped) {

    /** "hour-6-progress" → "Hour 6 progress". */
    public String title() {
        String t = name.replace('-', ' ').replace('_', ' ');
        return t.isEmpty() ? t : t.substring(0, 1).toUpperCase(Locale.ROOT) + t.substring(1);
    }
}
