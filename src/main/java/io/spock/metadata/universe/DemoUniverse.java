package io.spock.metadata.universe;

import io.spock.metadata.store.SecurityType;
import io.spock.metadata.app.ExitCodes;
import io.spock.metadata.app.SpockException;
import io.spock.metadata.market.Exchange;
import io.spock.metadata.market.Markets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo universe shipped in {@code db/demo_universe.csv}: real listings loaded into a new database so that a
 * fresh clone has something to show. Demo data, not a maintained universe.
 */
public final class DemoUniverse {

    public static final String RESOURCE = "/db/demo_universe.csv";

    private DemoUniverse() {
    }

    public static List<Listing> read(InputStream csv) {
        try (Reader reader = new InputStreamReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                     .get().parse(reader)) {
            List<Listing> listings = new ArrayList<>();
            for (CSVRecord row : parser) {
                Exchange exchange = Markets.exchange(row.get("exchange")).orElseThrow(() -> new SpockException(
                        ExitCodes.ERROR, "demo universe line " + parser.getCurrentLineNumber()
                        + ": unknown exchange '" + row.get("exchange") + "'"));
                listings.add(Listing.of(exchange, row.get("ticker"), row.get("name_en"), row.get("name_ko"),
                        SecurityType.STOCK, row.get("kis_code")));
            }
            return listings;
        } catch (IOException e) {
            throw new SpockException(ExitCodes.ERROR, "cannot read the demo universe: " + e.getMessage(), e);
        }
    }

    /** Loads the bundled demo universe; returns the number of listings added. */
    public static int load(UniverseWriter writer) {
        try (InputStream csv = DemoUniverse.class.getResourceAsStream(RESOURCE)) {
            if (csv == null) {
                return 0;
            }
            return writer.insertMissing(read(csv));
        } catch (IOException e) {
            throw new SpockException(ExitCodes.ERROR, "cannot read the demo universe: " + e.getMessage(), e);
        }
    }
}
