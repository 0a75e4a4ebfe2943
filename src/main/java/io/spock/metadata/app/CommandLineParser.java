package io.spock.metadata.app;

import org.jline.reader.impl.DefaultParser;

/**
 * How a typed or piped line splits into words, the same in the shell and in scripts. Single and double quotes group
 * words; backslashes are ordinary characters (as in a one-shot command's quoted arguments, so
 * {@code export-csv C:\tmp\y.csv} keeps its path); an unquoted {@code #} that starts a word starts a comment.
 *
 * <p>Tab completion inserts a value with spaces quoted, and closes a quote the operator opened, through JLine's own
 * {@code DefaultParser} escaping (which quotes rather than escapes when there are no escape characters). Spring
 * Shell's {@code ExtendedDefaultParser}, which this replaces, inserted such values bare.
 */
public final class CommandLineParser extends DefaultParser {

    public CommandLineParser() {
        setQuoteChars(new char[] {'\'', '"'});
        setEscapeChars(null);
        setLineCommentDelims(new String[] {"#"});
        setEofOnUnclosedQuote(true);
    }

    /** A comment starts only at the start of a word: {@code a#b} is one word, {@code a #b} ends at {@code a}. */
    @Override
    public boolean isLineCommentStarted(CharSequence buffer, int pos) {
        return (pos == 0 || Character.isWhitespace(buffer.charAt(pos - 1))) && super.isLineCommentStarted(buffer, pos);
    }
}
