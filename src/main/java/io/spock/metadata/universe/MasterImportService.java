package io.spock.metadata.universe;

import io.spock.metadata.app.SpockException;
import io.spock.metadata.app.ListOption;
import io.spock.metadata.app.UsageException;
import io.spock.metadata.kis.KisMasterDownloader;
import io.spock.metadata.kis.KisMasterReader;
import io.spock.metadata.kis.MalformedLine;
import io.spock.metadata.kis.MasterFile;
import io.spock.metadata.kis.MasterFileException;
import io.spock.metadata.market.Exchange;
import io.spock.metadata.market.Markets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code import-master}: downloads the chosen exchanges' master files, or reads given ones, and imports each in its
 * own transaction. A file that fails (unreachable, unreadable, more than 1 % malformed) is reported and the others
 * still import.
 */
public final class MasterImportService {

    private static final Logger log = LoggerFactory.getLogger(MasterImportService.class);

    private final MasterImporter importer;
    private final KisMasterReader reader;
    private final Supplier<KisMasterDownloader> downloader;

    public MasterImportService(MasterImporter importer, KisMasterReader reader, KisMasterDownloader downloader) {
        this(importer, reader, () -> downloader);
    }

    /** @param downloader built when a download is asked for, so that its settings matter only then */
    public MasterImportService(MasterImporter importer, KisMasterReader reader,
                               Supplier<KisMasterDownloader> downloader) {
        this.importer = importer;
        this.reader = reader;
        this.downloader = downloader;
    }

    /**
     * Parses {@code nas,nys} or {@code ALL} (KIS or master-file codes, any case) into exchanges in table order.
     *
     * @throws UsageException naming the first unknown market
     */
    public static List<Exchange> parseMarkets(String text) {
        if (text == null) {
            return Markets.exchanges();
        }
        Set<Exchange> chosen = new LinkedHashSet<>();
        boolean all = false;
        for (String part : ListOption.items("--markets", text, "market: " + marketChoices() + " or ALL")) {
            if (part.equalsIgnoreCase("ALL")) {
                all = true;
            } else {
                chosen.add(Markets.exchange(part).orElseThrow(() -> new UsageException("unknown market '" + part
                        + "': choose from " + marketChoices() + " or ALL")));
            }
        }
        return all ? Markets.exchanges() : Markets.exchanges().stream().filter(chosen::contains).toList();
    }

    static String marketChoices() {
        return Markets.exchanges().stream().map(Exchange::masterCode).collect(Collectors.joining(", "));
    }

    /** Downloads and imports the master file of each exchange. */
    public List<MasterImportOutcome> download(List<Exchange> markets, boolean dryRun) {
        List<MasterImportOutcome> outcomes = new ArrayList<>();
        KisMasterDownloader kis = downloader.get();
        for (Exchange exchange : markets) {
            String url = kis.urlFor(exchange.code()).toString();
            outcomes.add(attempt(exchange.code(), url, () -> {
                MasterFile file = kis.fetch(exchange.code(), reader);
                requireExchange(file, exchange);
                return file;
            }, dryRun));
        }
        return outcomes;
    }

    /**
     * Imports local zip or cod files; each file's market comes from its records.
     *
     * @param only when not null, files of other exchanges are refused
     */
    public List<MasterImportOutcome> files(List<Path> files, List<Exchange> only, boolean dryRun) {
        List<MasterImportOutcome> outcomes = new ArrayList<>();
        for (Path path : files) {
            outcomes.add(attempt(path.toString(), path.toString(), () -> {
                MasterFile file = reader.read(path);
                Exchange exchange = MasterListings.of(file).exchange();
                if (only != null && !only.contains(exchange)) {
                    throw new UsageException(path + ": holds " + exchange.code() + ", which --markets leaves out");
                }
                return file;
            }, dryRun));
        }
        return outcomes;
    }

    /** Reading a master file: a download or a local file. */
    @FunctionalInterface
    private interface MasterSource {
        MasterFile read();
    }

    private MasterImportOutcome attempt(String market, String source, MasterSource master, boolean dryRun) {
        try {
            MasterFile file = master.read();
            for (MalformedLine line : file.malformed()) {
                log.warn("skipped malformed line: {}", line);
            }
            return MasterImportOutcome.imported(importer.importFile(file, dryRun));
        } catch (SpockException e) {
            return MasterImportOutcome.failed(market, source, e);
        }
    }

    private static void requireExchange(MasterFile file, Exchange expected) {
        Exchange found = MasterListings.of(file).exchange();
        if (!found.equals(expected)) {
            throw new MasterFileException(file.source() + ": holds " + found.code() + " listings, not "
                    + expected.code());
        }
    }
}
