package io.spock.metadata.kis;

import io.spock.metadata.app.ExitCodes;
import io.spock.metadata.market.TickerForm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.spock.metadata.kis.MasterFiles.concat;
import static io.spock.metadata.kis.MasterFiles.cp949;
import static io.spock.metadata.kis.MasterFiles.etf;
import static io.spock.metadata.kis.MasterFiles.stock;
import static io.spock.metadata.kis.MasterFiles.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class KisMasterReaderTest {

    private final KisMasterReader reader = new KisMasterReader();

    @TempDir
    Path dir;

    @Test
    void readsZipWithUpperCaseEntryKeepingTheFirstLineAndDecodingKorean() throws IOException {
        Path file = dir.resolve("nasmst.cod.zip");
        Files.write(file, zip("NASMST.COD", cp949(List.of(
                stock(" AAPL ", "애플", "APPLE INC ", "730"),
                etf("QQQ", "인베스코 QQQ", "INVESCO QQQ TRUST"),
                stock("AACB", "아티우스 II 애퀴지션", "ARTIUS II ACQUISITION INC", "   ")))));

        MasterFile master = reader.read(file);

        assertThat(master.source()).isEqualTo(file.toString());
        assertThat(master.malformed()).isEmpty();
        assertThat(master.records()).hasSize(3);
        assertThat(master.records().get(0)).isEqualTo(new KisMasterRecord("NAS", "AAPL", "DNAS AAPL", "애플",
                "APPLE INC", KisSecurityType.STOCK, "USD", false, "730", ""));
        KisMasterRecord qqq = master.records().get(1);
        assertThat(qqq.securityType()).isEqualTo(KisSecurityType.ETP);
        assertThat(qqq.etpKind()).isEqualTo("001");
        assertThat(qqq.isStock()).isFalse();
        KisMasterRecord blank = master.records().get(2);
        assertThat(blank.industryCode()).isEmpty();
        assertThat(blank.normalisedIndustryCode()).isEqualTo("000");
        assertThat(master.stocks()).extracting(KisMasterRecord::symbol).containsExactly("AAPL", "AACB");
    }

    @Test
    void readsPlainCodFileWithCrLfAndToleratesEmptyExtraFields() throws IOException {
        Path file = dir.resolve("TSEMST.COD");
        Files.write(file, String.join("\r\n", List.of(
                stock("7203", "도요타", "TOYOTA MOTOR", "310") + "\t\t ",
                stock("6758", "소니", "SONY GROUP", "340"))).getBytes(MasterFiles.CP949));

        MasterFile master = reader.read(file);

        assertThat(master.malformed()).isEmpty();
        assertThat(master.records()).extracting(KisMasterRecord::symbol, KisMasterRecord::industryCode)
                .containsExactly(tuple("7203", "310"), tuple("6758", "340"));
    }

    @Test
    void skipsAndReportsShortAndUndecodableLinesWithTheirLineNumbers() {
        List<String> lines = goodLines(300);
        lines.set(100, String.join("\t", "US", "22", "NAS", "나스닥", "SHORT"));
        byte[] before = cp949(lines.subList(0, 201));
        byte[] undecodable = badBytesLine();
        byte[] after = cp949(lines.subList(202, 300));

        MasterFile master = reader.read("test.cod", concat(before, undecodable, after));

        assertThat(master.records()).hasSize(298);
        assertThat(master.records().get(0).symbol()).isEqualTo("S0");
        assertThat(master.malformed()).containsExactly(
                new MalformedLine("test.cod", 101, "expected 24 TAB-separated fields, found 5"),
                new MalformedLine("test.cod", 202, "invalid cp949 bytes at byte 30"));
    }

    @Test
    void reportsUnknownSecurityTypeAndNonEmptyExtraFields() {
        List<String> lines = goodLines(200);
        lines.set(0, MasterFiles.line("NAS", "ODD", "이상", "ODD", "7", "000", ""));
        lines.set(1, stock("SHIFTED", "밀림", "SHIFTED", "710") + "\tX");

        MasterFile master = reader.read("odd.cod", cp949(lines));

        assertThat(master.malformed()).extracting(MalformedLine::lineNumber, MalformedLine::reason).containsExactly(
                tuple(1, "unknown security type '7' in field 9"),
                tuple(2, "expected 24 TAB-separated fields, found 25 with field 25 not empty"));
    }

    @Test
    void exactlyOnePercentMalformedIsAccepted() {
        List<String> lines = goodLines(100);
        lines.set(50, "broken");

        MasterFile master = reader.read("edge.cod", cp949(lines));

        assertThat(master.records()).hasSize(99);
        assertThat(master.malformed()).hasSize(1);
    }

    @Test
    void moreThanOnePercentMalformedRejectsTheWholeFile() {
        List<String> lines = goodLines(150);
        lines.set(9, "broken");
        lines.set(120, "broken too");

        assertThatThrownBy(() -> reader.read("HKSMST.COD", zip("HKSMST.COD", cp949(lines))))
                .isInstanceOfSatisfying(MasterFileException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE))
                .hasMessage("HKSMST.COD: 2 of 150 lines malformed (more than 1 %), nothing read; first: line 10: "
                        + "expected 24 TAB-separated fields, found 1");
    }

    @Test
    void rejectsArchivesThatAreNotOneFile() {
        byte[] twoEntries = zip("NASMST.COD", cp949(goodLines(1)), cp949(goodLines(1)));
        byte[] truncated = java.util.Arrays.copyOf(zip("NASMST.COD", cp949(goodLines(50))), 40);

        assertThatThrownBy(() -> reader.read("two.zip", twoEntries))
                .isInstanceOf(MasterFileException.class)
                .hasMessage("two.zip: not a usable master archive: expected one file in the zip, found NASMST.COD "
                        + "and NASMST.COD1");
        assertThatThrownBy(() -> reader.read("cut.zip", truncated))
                .isInstanceOf(MasterFileException.class)
                .hasMessageStartingWith("cut.zip: not a usable master archive: ");
    }

    @Test
    void emptyOrMissingFilesAreErrors() {
        assertThatThrownBy(() -> reader.read("empty.cod", new byte[0]))
                .isInstanceOf(MasterFileException.class).hasMessage("empty.cod: no records");
        Path missing = dir.resolve("missing.zip");
        assertThatThrownBy(() -> reader.read(missing))
                .isInstanceOf(MasterFileException.class).hasMessageStartingWith(missing + ": cannot read: ");
    }

    /** Issue 16: import-master stored these symbols as they came; each is now a malformed line of its own. */
    @Test
    void theTickerRuleMakesHostileSymbolsMalformedLinesAndCanonicalisesTheRest() {
        List<String> lines = goodLines(600);
        lines.set(0, stock("aapl", "애플", "APPLE INC", "730"));
        lines.set(1, stock("BRK.B", "버크셔 해서웨이 B", "BERKSHIRE HATHAWAY INC", "610"));
        lines.set(2, stock("NUL\0X", "널", "NUL INC", "730"));
        lines.set(3, stock("'; drop table tickers;--", "주입", "INJECTION INC", "730"));
        lines.set(4, stock("=HYPERLINK(", "수식", "FORMULA INC", "730"));
        lines.set(5, stock("X".repeat(300), "긴 이름", "LONG INC", "730"));

        MasterFile master = reader.read("NASMST.COD", cp949(lines));

        assertThat(master.records()).extracting(KisMasterRecord::symbol).startsWith("AAPL", "BRK/B", "S6");
        assertThat(master.malformed()).extracting(MalformedLine::lineNumber, MalformedLine::reason).containsExactly(
                tuple(3, "bad symbol 'NUL\\u0000X' in field 5: " + TickerForm.US.rule()),
                tuple(4, "bad symbol ''; drop table tickers;--' in field 5: " + TickerForm.US.rule()),
                tuple(5, "bad symbol '=HYPERLINK(' in field 5: " + TickerForm.US.rule()),
                tuple(6, "bad symbol '" + "X".repeat(40) + "…' in field 5: " + TickerForm.US.rule()));
    }

    @Test
    void spreadsheetLostZerosAreRestored() {
        List<String> lines = List.of(MasterFiles.line("SZS", "858", "우량예", "WULIANGYE YIBIN", "2", "220", ""));

        MasterFile master = reader.read("SZSMST.COD", cp949(lines));

        assertThat(master.records()).extracting(KisMasterRecord::symbol).containsExactly("000858");
    }

    @Test
    void twoListingsCannotShareAYahooSymbol() {
        List<String> lines = goodLines(200);
        lines.set(0, MasterFiles.line("NYS", "ABR/D", "아버 리얼티 트러스트 우선주 D", "ARBOR REALTY 6.375% SER D PFD", "2",
                "630", ""));
        lines.set(1, MasterFiles.line("NYS", "ABR/PD", "아버 PD", "ARBOR PD", "2", "630", ""));

        MasterFile master = reader.read("NYSMST.COD", cp949(lines));

        assertThat(master.malformed()).extracting(MalformedLine::lineNumber, MalformedLine::reason).containsExactly(
                tuple(2, "Yahoo symbol ABR-PD of ABR/PD already belongs to ABR/D (line 1)"));
    }

    @Test
    void namesWithNulOrLongerThanTheStoreKeepsAreMalformed() {
        List<String> lines = goodLines(300);
        lines.set(0, stock("NULNAME", "널\0이름", "NUL NAME INC", "730"));
        lines.set(1, stock("LONGNAME", "긴 이름", "L".repeat(257), "730"));

        MasterFile master = reader.read("NASMST.COD", cp949(lines));

        assertThat(master.malformed()).extracting(MalformedLine::reason).containsExactly(
                "NUL character in field 7", "field 8 is longer than 256 characters");
    }

    /** Issue 15 item 8: a line is never buffered beyond a bound, and a file larger than any real one is refused. */
    @Test
    void aLineLongerThanTheBoundIsMalformedAndAnOversizedFileIsRefusedUnread() throws IOException {
        List<String> lines = goodLines(200);
        lines.set(7, stock("LONG", "긴 줄", "LONG LINE", "730") + "\t" + " ".repeat(5_000));
        Path huge = dir.resolve("NASMST.COD");
        try (java.io.RandomAccessFile sparse = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            sparse.setLength(MasterArchive.MAX_ENTRY_BYTES + 1L);
        }

        MasterFile master = reader.read("NASMST.COD", cp949(lines));

        assertThat(master.malformed()).extracting(MalformedLine::lineNumber, MalformedLine::reason)
                .containsExactly(tuple(8, "line longer than 4096 bytes"));
        assertThatThrownBy(() -> reader.read(huge))
                .isInstanceOf(MasterFileException.class)
                .hasMessage(huge + ": larger than 67108864 bytes, nothing read; a KIS master file is under 1 MB");
    }

    private static List<String> goodLines(int count) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(stock("S" + i, "종목" + i, "STOCK " + i, "710"));
        }
        return lines;
    }

    /**
     * A line whose Korean name holds 0xFF 0xFF, which is not cp949. The 29 bytes before it are
     * {@code US\t22\tNAS\t나스닥\tBAD\tDNASBAD\t}, so the bad byte is byte 30.
     */
    private static byte[] badBytesLine() {
        byte[] line = (stock("BAD", "@@", "BAD BYTES", "710") + "\n").getBytes(MasterFiles.CP949);
        String ascii = new String(line, StandardCharsets.ISO_8859_1);
        int at = ascii.indexOf("@@");
        line[at] = (byte) 0xFF;
        line[at + 1] = (byte) 0xFF;
        return line;
    }
}
