package io.spock.metadata.universe;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * The UTF-8 text of a CSV file on its way to the parser: it drops a leading byte-order mark, names the line of the
 * first byte that is not UTF-8, refuses a physical line longer than {@value #MAX_LINE_LENGTH} characters before
 * buffering it, and maps the parser's character positions back to 1-based physical line numbers, so that messages
 * stay right after quoted multi-line cells. Memory is bounded by the parser's read-ahead, whatever the file's size.
 */
final class CsvLineReader extends Reader {

    /** Far above any real row (19 columns of at most a few hundred characters). */
    static final int MAX_LINE_LENGTH = 65_536;

    /** Why the file cannot be read further, at a physical line. */
    static final class LineProblem extends IOException {

        private final long line;

        LineProblem(long line, String message) {
            super(message);
            this.line = line;
        }

        long line() {
            return line;
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
    private final CharBuffer decoded = CharBuffer.allocate(8192).flip();
    private boolean endOfInput;
    private boolean undecodable;
    /** Positions (in characters handed out) of newlines not yet mapped to a record. */
    private final ArrayDeque<Long> newlines = new ArrayDeque<>();
    private long position;
    private long linesRead;
    private long lineLength;
    private long mappedLines;
    private boolean started;

    CsvLineReader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!decoded.hasRemaining() && !decode()) {
            return -1;
        }
        int n = Math.min(length, decoded.remaining());
        decoded.get(buffer, offset, n);
        count(buffer, offset, n);
        return n;
    }

    /** Decodes more characters; false at the end of the file. */
    private boolean decode() throws IOException {
        decoded.clear();
        try {
            while (decoded.position() == 0) {
                if (undecodable) {
                    throw new LineProblem(linesRead + 1, "not UTF-8 text");
                }
                if (!bytes.hasRemaining() && endOfInput) {
                    return false;
                }
                fill();
                CoderResult result = decoder.decode(bytes, decoded, endOfInput);
                undecodable = result.isError()
                        || endOfInput && !bytes.hasRemaining() && decoder.flush(decoded).isError();
                if (!started && decoded.position() > 0) {
                    started = true;
                    if (decoded.get(0) == '\uFEFF') {
                        decoded.flip().get();
                        decoded.compact();
                    }
                }
            }
            return true;
        } finally {
            decoded.flip();
        }
    }

    private void fill() throws IOException {
        if (endOfInput || bytes.remaining() >= 4) {
            return;
        }
        bytes.compact();
        int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (read < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + read);
        }
        bytes.flip();
    }

    private void count(char[] buffer, int offset, int n) throws LineProblem {
        for (int i = offset; i < offset + n; i++) {
            if (buffer[i] == '\n') {
                newlines.add(position + i - offset);
                linesRead++;
                lineLength = 0;
            } else if (++lineLength > MAX_LINE_LENGTH) {
                throw new LineProblem(linesRead + 1, "line longer than " + MAX_LINE_LENGTH
                        + " characters; not a universe CSV");
            }
        }
        position += n;
    }

    /** The 1-based physical line of a character position; positions must come in order. */
    long lineOf(long characterPosition) {
        while (!newlines.isEmpty() && newlines.peek() < characterPosition) {
            newlines.poll();
            mappedLines++;
        }
        return mappedLines + 1;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
