package io.spock.metadata.kis;

import io.spock.metadata.app.ExitCodes;
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
