package io.spock.metadata.jpx;

import io.spock.metadata.bulk.BulkList;
import io.spock.metadata.bulk.ListFormatException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.xml.sax.SAXException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JPX's monthly listed-issues workbook, {@code data_j.xls} (legacy BIFF, until 2026) or {@code data_j.xlsx}
 * (OOXML, from 2026), with Apache POI (the OOXML one streamed, see {@link XlsxRows}): one sheet, a header row of exactly the 10 documented columns, one issue per
 * row. Codes are kept as text ({@code 130A}); cells are read as JPX shows them, so a code stored as the number 1301
 * reads {@code 1301}.
 *
 * @see <a href="https://www.jpx.co.jp/markets/statistics-equities/misc/01.html">東証上場銘柄一覧</a>
 */
public final class JpxWorkbookParser implements BulkList.Parser<JpxList> {

    public static final List<String> HEADER = List.of("日付", "コード", "銘柄名", "市場・商品区分", "33業種コード",
            "33業種区分", "17業種コード", "17業種区分", "規模コード", "規模区分");

    private final DataFormatter cells = new DataFormatter();

    /** @throws ListFormatException not a workbook (HTML, truncated), other headers, or no rows */
    @Override
    public JpxList parse(byte[] data) {
        if (looksLikeHtml(data)) {
            throw new ListFormatException("an HTML page instead of the workbook");
        }
        try {
            return list(isZip(data) ? XlsxRows.read(data) : xlsRows(data));
        } catch (ListFormatException e) {
            throw e;
        } catch (IOException | RuntimeException | OpenXML4JException | SAXException e) {
            throw new ListFormatException("not a readable .xls or .xlsx workbook (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())) + ")", e);
        }
    }

    /** The first sheet's rows, header first, each as the cells' shown text. */
    private JpxList list(List<List<String>> rows) {
        if (rows.isEmpty() || !rows.get(0).equals(HEADER)) {
            throw new ListFormatException("unexpected headers " + (rows.isEmpty() ? List.of() : rows.get(0))
                    + " (expected " + HEADER + ")");
        }
        Map<String, JpxIssue> issues = new HashMap<>();
        String date = null;
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() < 2 || row.get(1).isEmpty()) {
                continue;
            }
            if (row.size() < 6) {
                throw new ListFormatException("row " + (r + 1) + " has " + row.size() + " cells");
            }
            date = date == null ? row.get(0) : date;
            issues.put(row.get(1), new JpxIssue(row.get(1), row.get(2), row.get(3), row.get(4), row.get(5)));
        }
        if (issues.isEmpty()) {
            throw new ListFormatException("no issues below the header");
        }
        return new JpxList(date, issues);
    }

    /** The legacy BIFF workbook through POI's user model (the files are small). */
    private List<List<String>> xlsRows(byte[] data) throws IOException {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(data))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new ListFormatException("a workbook without sheets");
            }
            Sheet sheet = workbook.getSheetAt(0);
            List<List<String>> rows = new ArrayList<>();
            for (int r = sheet.getFirstRowNum(); r <= sheet.getLastRowNum(); r++) {
                rows.add(texts(sheet.getRow(r)));
            }
            return rows;
        }
    }

    @Override
    public int rows(JpxList parsed) {
        return parsed.issues().size();
    }

    private List<String> texts(Row row) {
        List<String> out = new ArrayList<>();
        if (row == null) {
            return out;
        }
        for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
            Cell cell = row.getCell(c);
            out.add(cell == null ? "" : cells.formatCellValue(cell).strip());
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    private static boolean isZip(byte[] data) {
        return data.length > 1 && data[0] == 'P' && data[1] == 'K';
    }

    private static boolean looksLikeHtml(byte[] data) {
        String start = new String(data, 0, Math.min(data.length, 256), java.nio.charset.StandardCharsets.ISO_8859_1)
                .stripLeading().toLowerCase(java.util.Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<");
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }
}
