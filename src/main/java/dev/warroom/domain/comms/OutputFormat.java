package dev.warroom.domain.comms;

import dev.warroom.domain.PlainText;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a message is written for its channel. Values from cards and metrics pass through
 * {@link #escape} so they come out literally: a card titled "*urgent*" stays that text in Markdown,
 * and "&lt;!channel&gt;" cannot ping a whole Slack workspace.
 */
public enum OutputFormat {
    PLAIN("Plain text", "txt"),
    MARKDOWN("Markdown", "md"),
    SLACK("Slack", "txt");

    private static final Pattern MARKDOWN_SPECIAL = Pattern.compile("([\\\\`*_{}\\[\\]()#+!|<>~&])");
    private static final Pattern SLACK_BROADCAST = Pattern.compile("(?i)@(here|channel|everyone)\\b");

    private final String label;
    private final String extension;

    OutputFormat(String label, String extension) {
        this.label = label;
        this.extension = extension;
    }

    public String label() {
        return label;
    }

    /** File name extension for saving, without the dot. */
    public String extension() {
        return extension;
    }

    public static Optional<OutputFormat> parse(String text) {
        return dev.warroom.domain.EnumNames.parse(OutputFormat.class, text);
    }

    /**
     * {@code value} made literal for this format. Line breaks in values become spaces in every format;
     * other control and text-direction characters (from records older than the input checks) show as
     * visible marks, so a value can neither send a terminal escape nor reverse the text after it.
     */
    public String escape(String value) {
        String v = PlainText.visible(value == null ? "" : value.replaceAll("[\\r\\n\\t]+", " "), false);
        return switch (this) {
            case PLAIN -> v;
            case MARKDOWN -> MARKDOWN_SPECIAL.matcher(v).replaceAll("\\\\$1");
            case SLACK -> SLACK_BROADCAST.matcher(v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
                    .replaceAll("@\u2060$1");
        };
    }
}
