package io.spock.metadata.universe;

import io.spock.metadata.store.SecurityType;
import io.spock.metadata.kis.KisMasterRecord;
import io.spock.metadata.kis.MasterFile;
import io.spock.metadata.kis.MasterFileException;
import io.spock.metadata.market.Exchange;
import io.spock.metadata.market.Markets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The listings of one exchange's master file: stocks and products, one per symbol. */
public record MasterListings(Exchange exchange, Map<String, Listing> bySymbol, int skipped) {

    /**
     * @throws MasterFileException when a record names an exchange outside {@link Markets}, or the file mixes
     *                             exchanges (delisting relies on one file being one exchange's whole list)
     */
    public static MasterListings of(MasterFile file) {
        Exchange exchange = exchangeOf(file);
        Map<String, Listing> bySymbol = new LinkedHashMap<>();
        int skipped = 0;
        for (KisMasterRecord record : file.records()) {
            Optional<SecurityType> type = SecurityType.of(record);
            if (type.isEmpty() || bySymbol.containsKey(record.symbol())) {
                skipped++;
                continue;
            }
            bySymbol.put(record.symbol(), listing(exchange, record, type.get()));
        }
        return new MasterListings(exchange, bySymbol, skipped);
    }

    /** The record's symbol is already canonical: the reader applied the ticker rule. */
    private static Listing listing(Exchange exchange, KisMasterRecord record, SecurityType type) {
        return Listing.of(exchange, record.symbol(), blankToNull(record.englishName()),
                blankToNull(record.koreanName()), type, record.normalisedIndustryCode());
    }

    private static Exchange exchangeOf(MasterFile file) {
        TreeSet<String> codes = new TreeSet<>();
        file.records().forEach(r -> codes.add(r.exchangeCode()));
        if (codes.size() != 1) {
            throw new MasterFileException(file.source() + ": records of several exchanges (" + String.join(", ", codes)
                    + "); a master file holds one exchange");
        }
        String code = codes.first();
        return Markets.exchange(code).orElseThrow(() -> new MasterFileException(file.source()
                + ": unknown exchange code '" + code + "' in column 3"));
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    public List<Listing> listings() {
        return List.copyOf(bySymbol.values());
    }

    public long count(SecurityType type) {
        return bySymbol.values().stream().filter(l -> l.securityType() == type).count();
    }
}
