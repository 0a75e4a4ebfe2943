package io.spock.metadata.bulk;

import io.spock.metadata.enrich.SourcesProperties;
import io.spock.metadata.jpx.JpxWorkbookParser;
import io.spock.metadata.source.Candidate;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Fixtures of the bulk lists in their documented shapes (see {@code src/test/resources/bulk/README.md}). */
public final class BulkFixtures {

    /**
     * Rows of JPX's 2024-08-30 list (public sample, see the README): a Prime stock, an ETF with "-", an alphanumeric
     * code, a REIT with "-", Toyota, Nintendo, MUFG and LY Corporation. Codes that are numbers in JPX's file are
     * numeric cells here too.
     */
    public static final List<List<Object>> JPX_ROWS = List.of(
            List.of(20240830, 1301, "極洋", "プライム（内国株式）", 50, "水産・農林業", 1, "食品", 7, "TOPIX Small 2"),
            List.of(20240830, 1305, "ｉＦｒｅｅＥＴＦ　ＴＯＰＩＸ（年１回決算型）", "ETF・ETN", "-", "-", "-", "-", "-", "-"),
            List.of(20240830, "130A", "Ｖｅｒｉｔａｓ　Ｉｎ　Ｓｉｌｉｃｏ", "グロース（内国株式）", 3250, "医薬品", 5, "医薬品", "-", "-"),
            List.of(20240830, 4689, "ＬＩＮＥヤフー", "プライム（内国株式）", 5250, "情報・通信業", 10, "情報通信・サービスその他", 2,
                    "TOPIX Large70"),
            List.of(20240830, 7203, "トヨタ自動車", "プライム（内国株式）", 3700, "輸送用機器", 6, "自動車・輸送機", 1, "TOPIX Core30"),
            List.of(20240830, 7974, "任天堂", "プライム（内国株式）", 3800, "その他製品", 10, "情報通信・サービスその他", 1,
                    "TOPIX Core30"),
            List.of(20240830, 8306, "三菱ＵＦＪフィナンシャル・グループ", "プライム（内国株式）", 7050, "銀行業", 15, "銀行", 1,
                    "TOPIX Core30"),
            List.of(20240830, 8951, "日本ビルファンド投資法人", "REIT・ベンチャーファンド・カントリーファンド・インフラファンド", "-", "-",
                    "-", "-", "-", "-"));

    private BulkFixtures() {
    }

    /** A JPX workbook of the given rows under the 10 documented headers: OOXML ({@code .xlsx}) or BIFF ({@code .xls}). */
    public static byte[] jpxWorkbook(boolean xlsx, List<String> header, List<List<Object>> rows) {
        try (Workbook workbook = xlsx ? new XSSFWorkbook() : new HSSFWorkbook();
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Sheet1");
            Row head = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                head.createCell(c).setCellValue(header.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    if (value instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] jpxWorkbook(boolean xlsx) {
        return jpxWorkbook(xlsx, JpxWorkbookParser.HEADER, JPX_ROWS);
    }

    /** A fixture file of {@code src/test/resources/bulk}. */
    public static byte[] resource(String name) {
        try {
            return Files.readAllBytes(Path.of("src/test/resources/bulk", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every bulk source switched on and pointed at one stand-in; SEC with a contact; short deadlines. */
    public static SourcesProperties settings(String baseUrl) {
        return new SourcesProperties(new SourcesProperties.Jpx(true, baseUrl + "/jpx/data_j.xlsx", Duration.ofDays(31)),
                new SourcesProperties.Nasdaq(true, baseUrl, Duration.ofDays(1), null),
                new SourcesProperties.Sec(true, baseUrl, baseUrl, "Spock tests ops@example.com", Duration.ofDays(1),
                        Duration.ofDays(90), 10.0),
                new SourcesProperties.YahooScreener(true, baseUrl, Duration.ofDays(1), 250),
                Duration.ofSeconds(5), 1L << 20);
    }

    public static Candidate candidate(String region, String ticker) {
        return new Candidate(region, ticker, region.equals("JP") ? "TSE" : "NYS", ticker, null, "000", ticker, null,
                null, null, false, false);
    }
}
