package io.spock.metadata.kis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds small master files in the real KIS layout: cp949, 24 TAB-separated fields, no header. */
final class MasterFiles {

    static final Charset CP949 = Charset.forName("MS949");

    private MasterFiles() {
    }

    /** A US stock line as NASMST.COD writes it, including the space-padded trailing fields. */
    static String stock(String symbol, String koreanName, String englishName, String industryCode) {
        return line("NAS", symbol, koreanName, englishName, "2", industryCode, "   ");
    }

    static String etf(String symbol, String koreanName, String englishName) {
        return line("NAS", symbol, koreanName, englishName, "3", "000", "001");
    }

    static String line(String exchange, String symbol, String koreanName, String englishName, String securityType,
                       String industryCode, String etpKind) {
        return String.join("\t", List.of("US", "22", exchange, "나스닥", symbol, "D" + exchange + symbol, koreanName,
                englishName, securityType, "USD", "4", "", "10.2200", "1", "1", "930", "1600", "N", "",
                industryCode, "0", "0", etpKind, "   "));
    }

    /** Lines joined with LF (and a final LF, as in the real files), encoded in cp949. */
    static byte[] cp949(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(CP949);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] zip(String entryName, byte[]... entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < entries.length; i++) {
                zip.putNextEntry(new ZipEntry(i == 0 ? entryName : entryName + i));
                zip.write(entries[i]);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
