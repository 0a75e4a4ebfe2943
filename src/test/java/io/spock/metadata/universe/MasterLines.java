package io.spock.metadata.universe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Small master files in the real KIS layout for any exchange: cp949, 24 TAB-separated fields, no header, LF line
 * ends, zipped like {@code nasmst.cod.zip}.
 */
public final class MasterLines {

    static final Charset CP949 = Charset.forName("MS949");

    private MasterLines() {
    }

    public static String stock(String exchange, String symbol, String koreanName, String englishName,
                               String industryCode) {
        return line(exchange, symbol, koreanName, englishName, "2", industryCode, "   ");
    }

    public static String etf(String exchange, String symbol, String koreanName, String englishName) {
        return line(exchange, symbol, koreanName, englishName, "3", "000", "001");
    }

    public static String line(String exchange, String symbol, String koreanName, String englishName,
                              String securityType, String industryCode, String etpKind) {
        return String.join("\t", List.of("US", "22", exchange, "거래소", symbol, "D" + exchange + symbol, koreanName,
                englishName, securityType, "USD", "4", "", "10.2200", "1", "1", "930", "1600", "N", "",
                industryCode, "0", "0", etpKind, "   "));
    }

    /** A line cut short after the symbol, as a truncated download would leave it. */
    public static String shortLine(String exchange, String symbol) {
        return String.join("\t", List.of("US", "22", exchange, "거래소", symbol));
    }

    public static byte[] cod(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(CP949);
    }

    public static byte[] zip(String entryName, List<String> lines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entryName));
            zip.write(cod(lines));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
