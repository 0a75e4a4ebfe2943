package io.spock.metadata.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.spock.metadata.jpx.JpxWorkbookParser;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Local stand-ins for every bulk source and for Yahoo, answering in the documented shapes about one universe (the
 * real KIS master files): Yahoo's cookie, crumb, screener and quoteSummary; JPX's workbook; Nasdaq's screener per
 * exchange; SEC's ticker list and submissions. What each list covers is set by {@link Stock}'s flags, from the
 * coverage the research note measured.
 */
final class BulkStandIns {

    /** Yahoo's sector names by GICS sector code. */
    static final Map<String, String> YAHOO_SECTORS = Map.ofEntries(Map.entry("10", "Energy"),
            Map.entry("15", "Basic Materials"), Map.entry("20", "Industrials"), Map.entry("25", "Consumer Cyclical"),
            Map.entry("30", "Consumer Defensive"), Map.entry("35", "Healthcare"),
            Map.entry("40", "Financial Services"), Map.entry("45", "Technology"),
            Map.entry("50", "Communication Services"), Map.entry("55", "Utilities"), Map.entry("60", "Real Estate"));

    /**
     * One stock of the universe and what each stand-in says about it.
     *
     * @param sector      its "true" GICS sector: KIS's mapped sector when KIS has a code, else a fixed pick
     * @param yahooSymbol the symbol Yahoo knows
     * @param inScreener  Yahoo's screener lists it (95 %)
     * @param inList      the market's official list has it: JPX (99 %), Nasdaq (80 %)
     * @param inSec       SEC's ticker list has it (90 %, US only)
     */
    record Stock(String region, String ticker, String exchange, String yahooSymbol, String sector, boolean inScreener,
                 boolean inList, boolean inSec) {
    }

    final AtomicInteger yahooRequests = new AtomicInteger();
    final AtomicInteger quoteSummaryCalls = new AtomicInteger();
    final AtomicInteger screenerCalls = new AtomicInteger();
    final AtomicInteger listRequests = new AtomicInteger();
    final AtomicInteger secSubmissions = new AtomicInteger();

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final Map<String, List<Stock>> screener = new HashMap<>();
    private final Map<String, Stock> byYahooSymbol = new HashMap<>();
    private final Map<String, byte[]> nasdaq = new HashMap<>();
    private final byte[] jpx;
    private final byte[] secTickers;
    private final Map<String, String> sicByCik = new HashMap<>();

    BulkStandIns(List<Stock> stocks) throws IOException {
        Map<String, List<String[]>> tse = crosswalk("crosswalk_tse33.csv");
        Map<String, List<String[]>> industries = crosswalk("crosswalk_nasdaq_industry.csv");
        Map<String, List<String[]>> sic = crosswalk("crosswalk_sic.csv");
        List<List<Object>> jpxRows = new ArrayList<>();
        Map<String, ArrayNode> nasdaqRows = new LinkedHashMap<>();
        ArrayNode secRows = JSON.createArrayNode();
        int cik = 1_000_000;
        for (Stock s : stocks) {
            byYahooSymbol.put(s.yahooSymbol(), s);
            if (s.inScreener()) {
                screener.computeIfAbsent(s.region().toLowerCase() + "|" + YAHOO_SECTORS.get(s.sector()),
                        k -> new ArrayList<>()).add(s);
            }
            int pick = Math.abs(s.ticker().hashCode());
            if (s.region().equals("JP") && s.inList()) {
                String[] row = pickRow(tse, s.sector(), pick);
                jpxRows.add(List.of(20261031, s.ticker(), s.ticker(), "プライム（内国株式）", row[0], row[1], "-", "-", "-",
                        "-"));
            }
            if (s.region().equals("US") && s.inList()) {
                String exchange = switch (s.exchange()) {
                    case "NYS" -> "NYSE";
                    case "AMS" -> "AMEX";
                    default -> "NASDAQ";
                };
                String[] row = pickRow(industries, s.sector(), pick);
                nasdaqRows.computeIfAbsent(exchange, k -> JSON.createArrayNode()).addObject()
                        .put("symbol", s.ticker()).put("name", s.ticker() + " Common Stock").put("industry", row[0])
                        .put("sector", "n/a").put("country", "United States");
            }
            if (s.region().equals("US") && s.inSec()) {
                String code = String.valueOf(++cik);
                secRows.addArray().add(Long.parseLong(code)).add(s.ticker() + " INC").add(s.ticker().replace('/', '-'))
                        .add("NYSE");
                String prefix = pickRow(sic, s.sector(), pick)[0];
                sicByCik.put(String.format("%010d", Long.parseLong(code)), (prefix + "0000").substring(0, 4));
            }
        }
        for (String exchange : List.of("NASDAQ", "NYSE", "AMEX")) {
            ObjectNode root = JSON.createObjectNode();
            root.putObject("data").set("rows", nasdaqRows.getOrDefault(exchange, JSON.createArrayNode()));
            nasdaq.put(exchange, JSON.writeValueAsBytes(root));
        }
        ObjectNode tickers = JSON.createObjectNode();
        tickers.putArray("fields").add("cik").add("name").add("ticker").add("exchange");
        tickers.set("data", secRows);
        secTickers = JSON.writeValueAsBytes(tickers);
        jpx = workbook(jpxRows);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.setExecutor(Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "bench-stand-in");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
    }

    int allRequests() {
        return yahooRequests.get() + listRequests.get() + secSubmissions.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        if (path.equals("/cookie")) {
            yahooRequests.incrementAndGet();
            reply(ex, 404, "<html></html>".getBytes(StandardCharsets.UTF_8), "A3=d=bench; Path=/");
        } else if (path.equals("/v1/test/getcrumb")) {
            yahooRequests.incrementAndGet();
            reply(ex, 200, "benchCrumb".getBytes(StandardCharsets.UTF_8), null);
        } else if (path.equals("/v1/finance/screener")) {
            yahooRequests.incrementAndGet();
            screenerCalls.incrementAndGet();
            reply(ex, 200, screenerPage(JSON.readTree(ex.getRequestBody().readAllBytes())), null);
        } else if (path.startsWith("/v10/finance/quoteSummary/")) {
            yahooRequests.incrementAndGet();
            quoteSummaryCalls.incrementAndGet();
            reply(ex, 200, quoteSummary(path.substring("/v10/finance/quoteSummary/".length())), null);
        } else if (path.equals("/jpx/data_j.xlsx")) {
            listRequests.incrementAndGet();
            reply(ex, 200, jpx, null);
        } else if (path.equals("/api/screener/stocks")) {
            listRequests.incrementAndGet();
            String query = ex.getRequestURI().getQuery();
            String exchange = query.replaceAll(".*exchange=([A-Z]+).*", "$1");
            reply(ex, 200, nasdaq.get(exchange), null);
        } else if (path.equals("/files/company_tickers_exchange.json")) {
            listRequests.incrementAndGet();
            reply(ex, 200, secTickers, null);
        } else if (path.startsWith("/submissions/CIK")) {
            secSubmissions.incrementAndGet();
            String cik = path.substring("/submissions/CIK".length(), path.length() - ".json".length());
            String sic = sicByCik.get(cik);
            reply(ex, sic == null ? 404 : 200, ("{\"cik\":\"" + cik + "\",\"name\":\"X\",\"sic\":\"" + sic
                    + "\",\"sicDescription\":\"bench\"}").getBytes(StandardCharsets.UTF_8), null);
        } else {
            reply(ex, 404, new byte[0], null);
        }
    }

    private byte[] screenerPage(JsonNode body) throws IOException {
        String region = body.path("query").path("operands").path(0).path("operands").path(1).asText();
        String sector = body.path("query").path("operands").path(1).path("operands").path(1).asText();
        int offset = body.path("offset").asInt();
        int size = body.path("size").asInt();
        List<Stock> all = screener.getOrDefault(region + "|" + sector, List.of());
        ObjectNode root = JSON.createObjectNode();
        ObjectNode finance = root.putObject("finance");
        ObjectNode result = finance.putArray("result").addObject();
        result.put("total", all.size()).put("start", offset);
        ArrayNode quotes = result.putArray("quotes");
        all.subList(Math.min(offset, all.size()), Math.min(offset + size, all.size()))
                .forEach(s -> quotes.addObject().put("symbol", s.yahooSymbol()).put("quoteType", "EQUITY"));
        finance.putNull("error");
        return JSON.writeValueAsBytes(root);
    }

    private byte[] quoteSummary(String symbol) {
        Stock s = byYahooSymbol.get(java.net.URLDecoder.decode(symbol, StandardCharsets.UTF_8));
        String sector = s == null ? "Industrials" : YAHOO_SECTORS.get(s.sector());
        return ("{\"quoteSummary\":{\"result\":[{\"assetProfile\":{\"industry\":\"Bench\",\"sector\":\"" + sector
                + "\"},\"quoteType\":{\"quoteType\":\"EQUITY\",\"symbol\":\"" + symbol + "\",\"longName\":\""
                + symbol + " Corp\"}}],\"error\":null}}").getBytes(StandardCharsets.UTF_8);
    }

    private static void reply(HttpExchange ex, int status, byte[] body, String cookie) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "application/json");
        if (cookie != null) {
            ex.getResponseHeaders().add("Set-Cookie", cookie);
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
        }
        ex.close();
    }

    /** A crosswalk file's rows by GICS sector: {code, name}. */
    private static Map<String, List<String[]>> crosswalk(String file) throws IOException {
        Map<String, List<String[]>> bySector = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("config", file))) {
            if (line.startsWith("#") || line.startsWith("code,")) {
                continue;
            }
            String[] cells = line.split(",");
            bySector.computeIfAbsent(cells[2], k -> new ArrayList<>()).add(new String[]{cells[0], cells[1]});
        }
        return bySector;
    }

    private static String[] pickRow(Map<String, List<String[]>> bySector, String sector, int pick) {
        List<String[]> rows = bySector.get(sector);
        return rows.get(pick % rows.size());
    }

    private static byte[] workbook(List<List<Object>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Sheet1");
            Row head = sheet.createRow(0);
            for (int c = 0; c < JpxWorkbookParser.HEADER.size(); c++) {
                head.createCell(c).setCellValue(JpxWorkbookParser.HEADER.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c).toString());
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
