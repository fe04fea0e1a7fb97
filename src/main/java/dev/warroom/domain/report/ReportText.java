package dev.warroom.domain.report;

/**
 * Text from cards, events and messages made safe for the report: nothing a person typed can become
 * markup. HTML gets entity escapes; Markdown gets backslash escapes for every character that could
 * start emphasis, a link, a table cell, raw HTML or an entity. Control characters (other than line
 * breaks and tabs, which the callers handle) are dropped so they cannot hide text.
 */
public final class ReportText {
    private static final String MARKDOWN_SPECIAL = "\\`*_[]#|<>~&";

    private ReportText() {
    }

    /** Escapes {@code & < > " '} for HTML text and attribute values. Null is empty. */
    public static String html(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (!dropped(c)) {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /**
     * One line of Markdown inline text: special characters backslash-escaped and line breaks turned into
     * spaces, so it is safe in a list item, a heading or a table cell.
     */
    public static String markdown(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n' || c == '\t') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    continue;
                }
                sb.append(' ');
            } else if (MARKDOWN_SPECIAL.indexOf(c) >= 0) {
                sb.append('\\').append(c);
            } else if (!dropped(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * A fenced code block holding {@code text} exactly: the fence is longer than any run of backticks
     * inside, so nothing in the text can close it early or be read as Markdown or HTML.
     */
    public static String markdownBlock(String text) {
        String t = text == null ? "" : stripControls(text.replace("\r\n", "\n"));
        int longest = 0;
        int run = 0;
        for (int i = 0; i < t.length(); i++) {
            run = t.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        return fence + "text\n" + t + (t.endsWith("\n") ? "" : "\n") + fence + "\n";
    }

    /**
     * {@code text} cut to {@code max} characters with an ellipsis, never through the middle of a character;
     * for one-line summaries only.
     */
    public static String clip(String text, int max) {
        return dev.warroom.domain.PlainText.clip(text, max);
    }

    private static String stripControls(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\t' || !dropped(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Control characters other than line breaks and tabs; bidi overrides that could disguise text. */
    private static boolean dropped(char c) {
        return (Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r')
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
