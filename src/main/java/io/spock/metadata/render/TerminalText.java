package io.spock.metadata.render;

import org.jline.utils.WCWidth;

/**
 * Text from outside (Yahoo's industry text, names from master files and CSVs) made safe to show on a terminal, and
 * the width text takes there. The one place every command's screen output goes through; the stored text, CSV and
 * JSON keep what was received.
 */
public final class TerminalText {

    private static final char DEL = 0x7F;

    private TerminalText() {
    }

    /**
     * The text with every control character made visible in {@code cat -v} notation, so that no escape sequence
     * reaches the terminal: C0 controls as {@code ^X} (ESC as {@code ^[}), DEL as {@code ^?}, C1 controls
     * (U+0080–U+009F) as {@code M-^X}. Tab, newline and carriage return become one space, keeping a cell on one
     * line. Other characters, CJK included, are kept.
     *
     * @return the cleaned text; {@code ""} for null
     */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        if (text.chars().noneMatch(TerminalText::isControl)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                out.append(' ');
            } else if (c < 0x20 || c == DEL) {
                out.append('^').append((char) (c ^ 0x40));
            } else if (c >= 0x80 && c <= 0x9F) {
                out.append("M-^").append((char) ((c - 0x80) ^ 0x40));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Whether a character is a C0 or C1 control or DEL. */
    static boolean isControl(int c) {
        return c < 0x20 || c == DEL || (c >= 0x80 && c <= 0x9F);
    }

    /**
     * Terminal columns the text takes, by JLine's {@link WCWidth} (East Asian wide characters count 2, combining
     * marks 0). Control characters count 0: clean the text first.
     */
    public static int width(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            width += Math.max(0, WCWidth.wcwidth(cp));
            i += Character.charCount(cp);
        }
        return width;
    }

    /** The text cut to at most {@code columns} terminal columns, ending with "…" when cut. */
    public static String truncate(String text, int columns) {
        if (width(text) <= columns) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int w = Math.max(0, WCWidth.wcwidth(cp));
            if (used + w > columns - 1) {
                break;
            }
            out.appendCodePoint(cp);
            used += w;
            i += Character.charCount(cp);
        }
        return out.append('…').toString();
    }

    /** The text followed by spaces up to {@code columns} terminal columns. */
    public static String padRight(String text, int columns) {
        return text + " ".repeat(Math.max(0, columns - width(text)));
    }

    /** Spaces up to {@code columns} terminal columns, then the text. */
    public static String padLeft(String text, int columns) {
        return " ".repeat(Math.max(0, columns - width(text))) + text;
    }
}
