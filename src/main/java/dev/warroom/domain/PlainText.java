package dev.warroom.domain;

import java.util.Locale;

/**
 * Text a person typed, held to three rules wherever it enters or leaves the app:
 * <ul>
 *   <li>{@link #check}: refuses control characters (NUL, ESC, …; line breaks and tabs only where the
 *   field has several lines), bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 *   U+2066–U+2069: "RLO gnp.exe" would read as "exe.png") and half of an emoji (a lone surrogate),
 *   with a message naming the field and the position;</li>
 *   <li>{@link #visible}: for text that did not come through {@link #check} (older records, files,
 *   other tools), shows such characters as visible marks instead of letting them act;</li>
 *   <li>{@link #clip}: shortens text without ever cutting a character in half.</li>
 * </ul>
 */
public final class PlainText {
    private static final String ELLIPSIS = "…";

    private PlainText() {
    }

    /**
     * {@code value} when it holds only printable text, else an {@link InvalidInputException} for
     * {@code field} whose message names {@code label}, the character and where it is.
     *
     * @param multiline true when line breaks and tabs belong in the field (descriptions, notes, messages)
     */
    public static String check(String field, String label, String value, boolean multiline) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            boolean loneSurrogate = Character.isSurrogate(value.charAt(i))
                    && Character.charCount(cp) == 1;
            if (loneSurrogate) {
                throw new InvalidInputException(field, label + " has half of a character (" + name(cp)
                        + ") at position " + (value.codePointCount(0, i) + 1)
                        + "; paste the text again or retype it.");
            }
            if (refused(cp, multiline)) {
                throw new InvalidInputException(field, label + " contains " + describe(cp) + " at position "
                        + (value.codePointCount(0, i) + 1) + "; remove it"
                        + (isLineBreak(cp) ? " and keep " + label.toLowerCase(Locale.ROOT) + " on one line." : "."));
            }
            i += Character.charCount(cp);
        }
        return value;
    }

    /** True when {@code value} would pass {@link #check}. */
    public static boolean isClean(String value, boolean multiline) {
        if (value == null) {
            return true;
        }
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if ((Character.isSurrogate(value.charAt(i)) && Character.charCount(cp) == 1) || refused(cp, multiline)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /**
     * {@code text} with every character {@link #check} would refuse made visible: C0 controls as their
     * Unicode control pictures (ESC as ␛, NUL as ␀), other controls and the bidi formatting characters as
     * {@code ⟦U+202E⟧}, a lone surrogate as U+FFFD. Line breaks and tabs stay when {@code multiline}.
     */
    public static String visible(String text, boolean multiline) {
        if (text == null) {
            return "";
        }
        if (isClean(text, multiline)) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isSurrogate(text.charAt(i)) && Character.charCount(cp) == 1) {
                sb.append('\uFFFD');
            } else if (!refused(cp, multiline)) {
                sb.appendCodePoint(cp);
            } else if (cp < 0x20) {
                sb.append((char) (0x2400 + cp));
            } else if (cp == 0x7F) {
                sb.append('\u2421');
            } else {
                sb.append("⟦").append(name(cp)).append("⟧");
            }
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    /**
     * {@code text} in at most {@code max} UTF-16 units (what a database column counts), cut at a character
     * boundary and ending in "…" when shortened. A lone surrogate already in {@code text} becomes U+FFFD,
     * so the result is always well-formed. Null is empty.
     */
    public static String clip(String text, int max) {
        if (text == null) {
            return "";
        }
        String t = wellFormed(text);
        if (t.length() <= max) {
            return t;
        }
        if (max <= 0) {
            return "";
        }
        int end = max - ELLIPSIS.length();
        if (end > 0 && Character.isLowSurrogate(t.charAt(end)) && Character.isHighSurrogate(t.charAt(end - 1))) {
            end--;
        }
        return t.substring(0, Math.max(0, end)) + ELLIPSIS;
    }

    /** {@code text} with any lone surrogate (half of a character) replaced by U+FFFD. */
    public static String wellFormed(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lone = Character.isHighSurrogate(c)
                    ? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
            if (lone && sb == null) {
                sb = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (sb != null) {
                sb.append(lone ? '\uFFFD' : c);
            }
        }
        return sb == null ? text : sb.toString();
    }

    /** Control characters, and the bidi embeddings, overrides and isolates that reorder what follows. */
    private static boolean refused(int cp, boolean multiline) {
        if (multiline && (cp == '\n' || cp == '\t' || cp == '\r')) {
            return false;
        }
        return Character.isISOControl(cp) || isBidiControl(cp);
    }

    private static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }

    private static boolean isLineBreak(int cp) {
        return cp == '\n' || cp == '\r';
    }

    private static String describe(int cp) {
        return switch (cp) {
            case '\n', '\r' -> "a line break";
            case '\t' -> "a tab";
            case 0 -> "a NUL character (U+0000)";
            case 0x1B -> "an escape character (U+001B)";
            default -> isBidiControl(cp) ? "a text-direction control (" + name(cp) + ") that can disguise text"
                    : "a control character (" + name(cp) + ")";
        };
    }

    private static String name(int cp) {
        return String.format(Locale.ROOT, "U+%04X", cp);
    }
}
