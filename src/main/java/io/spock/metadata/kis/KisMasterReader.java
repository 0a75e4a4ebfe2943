package io.spock.metadata.kis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a KIS overseas master file ({@code nasmst.cod.zip} or the unpacked {@code NASMST.COD}): cp949 text, one
 * record per line, 24 TAB-separated fields, and no header line — the first line is a record (the official Python
 * parser loses it by letting pandas take it as a header).
 *
 * <p>Each line is decoded on its own with a reporting decoder, so one bad byte spoils one line, not the file, and
 * names it. A line is malformed when it cannot be decoded, is longer than {@value #MAX_LINE_BYTES} bytes, lacks
 * fields, or fails the ticker rule and listing checks of {@link MasterLineCheck} (symbol in its market's form, names
 * that fit the store, one listing per Yahoo symbol). Malformed lines are skipped and reported; if more than 1 % of
 * the lines are malformed the layout has probably changed, and the whole file is rejected so that nothing is
 * imported from it. A file larger than {@value MasterArchive#MAX_ENTRY_BYTES} bytes is refused unread: the real
 * ones are under 1 MB.
 */
public final class KisMasterReader {

    public static final Charset CP949 = Charset.forName("MS949");
    public static final int FIELD_COUNT = 24;

    private static final int EXCHANGE = 2;
    private static final int SYMBOL = 4;
    private static final int REALTIME_SYMBOL = 5;
    private static final int KOREAN_NAME = 6;
    private static final int ENGLISH_NAME = 7;
    private static final int SECURITY_TYPE = 8;
    private static final int CURRENCY = 9;
    private static final int DR_FLAG = 17;
    private static final int INDUSTRY_CODE = 19;
    private static final int ETP_KIND = 22;

    /** The longest real line is about 300 bytes. */
    static final int MAX_LINE_BYTES = 4096;

    /** Reads a {@code .zip} holding one master file, or the plain master file itself. */
    public MasterFile read(Path file) {
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            content = in.readNBytes(MasterArchive.MAX_ENTRY_BYTES + 1);
        } catch (IOException e) {
            throw new MasterFileException(file + ": cannot read: " + OneLine.describe(e));
        }
        if (content.length > MasterArchive.MAX_ENTRY_BYTES) {
            throw new MasterFileException(file + ": larger than " + MasterArchive.MAX_ENTRY_BYTES
                    + " bytes, nothing read; a KIS master file is under 1 MB");
        }
        return read(file.toString(), content);
    }

    /**
     * @param source  names the file in messages and in the result (a path or URL)
     * @param content a zip archive holding one master file, or the plain master file
     */
    public MasterFile read(String source, byte[] content) {
        byte[] text = MasterArchive.isZip(content) ? unzip(source, content) : content;
        List<KisMasterRecord> records = new ArrayList<>();
        List<MalformedLine> malformed = new ArrayList<>();
        CharsetDecoder decoder = CP949.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        MasterLineCheck check = new MasterLineCheck();
        int lineNumber = 0;
        int start = 0;
        while (start < text.length) {
            int newline = indexOf(text, (byte) '\n', start);
            int end = newline < 0 ? text.length : newline;
            int contentEnd = end > start && text[end - 1] == '\r' ? end - 1 : end;
            lineNumber++;
            if (contentEnd - start > MAX_LINE_BYTES) {
                malformed.add(new MalformedLine(source, lineNumber, "line longer than " + MAX_LINE_BYTES + " bytes"));
            } else if (contentEnd > start) {
                LineResult result = parse(decoder, text, start, contentEnd);
                MasterLineCheck.Result checked = result.record() == null ? null
                        : check.check(result.record(), lineNumber);
                if (checked != null && checked.record() != null) {
                    records.add(checked.record());
                } else {
                    malformed.add(new MalformedLine(source, lineNumber,
                            checked != null ? checked.problem() : result.problem()));
                }
            }
            start = end + 1;
        }
        return checked(new MasterFile(source, records, malformed));
    }

    private static byte[] unzip(String source, byte[] zip) {
        try {
            return MasterArchive.singleEntry(zip);
        } catch (IOException e) {
            throw new MasterFileException(source + ": not a usable master archive: " + OneLine.describe(e));
        }
    }

    private static MasterFile checked(MasterFile file) {
        int bad = file.malformed().size();
        int lines = bad + file.records().size();
        if (lines == 0) {
            throw new MasterFileException(file.source() + ": no records");
        }
        if (bad * 100L > lines) {
            throw new MasterFileException(file.source() + ": " + bad + " of " + lines
                    + " lines malformed (more than 1 %), nothing read; first: line "
                    + file.malformed().get(0).lineNumber() + ": " + file.malformed().get(0).reason());
        }
        return file;
    }

    /** Either a record or the reason the line is malformed. */
    private record LineResult(KisMasterRecord record, String problem) {

        static LineResult of(KisMasterRecord record) {
            return new LineResult(record, null);
        }

        static LineResult malformed(String problem) {
            return new LineResult(null, problem);
        }
    }

    private static LineResult parse(CharsetDecoder decoder, byte[] text, int start, int end) {
        String line;
        ByteBuffer bytes = ByteBuffer.wrap(text, start, end - start);
        try {
            line = decoder.reset().decode(bytes).toString();
        } catch (CharacterCodingException e) {
            return LineResult.malformed("invalid cp949 bytes at byte " + (bytes.position() - start + 1));
        }
        String[] fields = line.split("\t", -1);
        Optional<String> layoutProblem = layoutProblem(fields);
        if (layoutProblem.isPresent()) {
            return LineResult.malformed(layoutProblem.get());
        }
        for (int i = 0; i < FIELD_COUNT; i++) {
            // strip, not trim: trim would also drop NUL and other control characters, which make a line malformed
            fields[i] = fields[i].strip();
        }
        Optional<KisSecurityType> type = KisSecurityType.fromCode(fields[SECURITY_TYPE]);
        if (type.isEmpty()) {
            return LineResult.malformed("unknown security type '" + fields[SECURITY_TYPE] + "' in field 9");
        }
        if (fields[SYMBOL].isEmpty()) {
            return LineResult.malformed("blank symbol in field 5");
        }
        return LineResult.of(new KisMasterRecord(fields[EXCHANGE], fields[SYMBOL], fields[REALTIME_SYMBOL],
                fields[KOREAN_NAME], fields[ENGLISH_NAME], type.get(), fields[CURRENCY], fields[DR_FLAG].equals("Y"),
                fields[INDUSTRY_CODE], fields[ETP_KIND]));
    }

    /** Fewer than 24 fields, or non-empty fields beyond the 24th, mean the columns cannot be trusted. */
    private static Optional<String> layoutProblem(String[] fields) {
        if (fields.length < FIELD_COUNT) {
            return Optional.of("expected " + FIELD_COUNT + " TAB-separated fields, found " + fields.length);
        }
        for (int i = FIELD_COUNT; i < fields.length; i++) {
            if (!fields[i].isBlank()) {
                return Optional.of("expected " + FIELD_COUNT + " TAB-separated fields, found " + fields.length
                        + " with field " + (i + 1) + " not empty");
            }
        }
        return Optional.empty();
    }

    private static int indexOf(byte[] text, byte wanted, int from) {
        for (int i = from; i < text.length; i++) {
            if (text[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
