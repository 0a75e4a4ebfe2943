package io.spock.metadata.jpx;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The first sheet of an OOXML workbook as rows of shown cell text, read with POI's streaming (SAX) reader rather
 * than its user model: the user model builds the whole sheet's XML tree, which took several seconds for JPX's
 * 4,400 rows on a busy machine.
 */
final class XlsxRows {

    private XlsxRows() {
    }

    static List<List<String>> read(byte[] data) throws IOException, OpenXML4JException, SAXException {
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(data))) {
            XSSFReader reader = new XSSFReader(pkg);
            StylesTable styles = reader.getStylesTable();
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                return List.of();
            }
            Collector rows = new Collector();
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, rows, new DataFormatter(),
                        false));
                xml.parse(new InputSource(sheet));
            } catch (ParserConfigurationException e) {
                throw new SAXException(e);
            }
            return rows.rows;
        }
    }

    /** Collects each row's cells by column, with gaps as empty text and trailing empty cells left out. */
    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final List<List<String>> rows = new ArrayList<>();
        private List<String> row;

        @Override
        public void startRow(int rowNum) {
            while (rows.size() < rowNum) {
                rows.add(List.of());
            }
            row = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            while (!row.isEmpty() && row.get(row.size() - 1).isEmpty()) {
                row.remove(row.size() - 1);
            }
            rows.add(row);
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = column(reference);
            while (row.size() < column) {
                row.add("");
            }
            row.add(value == null ? "" : value.strip());
        }

        private static int column(String reference) {
            int column = 0;
            for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
                column = column * 26 + (reference.charAt(i) - 'A' + 1);
            }
            return column - 1;
        }
    }
}
