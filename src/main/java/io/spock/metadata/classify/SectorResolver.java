package io.spock.metadata.classify;

import io.spock.metadata.app.UsageException;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a sector as operators type it: GICS code, a name or alias in any display language ({@link GicsTaxonomy}), or a
 * Yahoo sector name.
 */
public final class SectorResolver {

    private final GicsTaxonomy gics;
    private final YahooSectorMapping yahoo;

    public SectorResolver(GicsTaxonomy gics, YahooSectorMapping yahoo) {
        this.gics = gics;
        this.yahoo = yahoo;
    }

    public GicsSector resolve(String input) {
        return gics.resolveSector(input)
                .or(() -> yahoo.resolveYahooSectorName(input))
                .orElseThrow(() -> new UsageException("unknown sector '" + input + "'; closest: "
                        + String.join(", ", gics.closestSectorNames(input, 3))));
    }

    /** Everything {@link #resolve} accepts, for tab completion: codes, English and Korean names. */
    public List<String> choices() {
        List<String> choices = new ArrayList<>();
        gics.sectors().forEach(s -> {
            choices.add(s.code());
            choices.add(s.nameEn());
            choices.add(s.nameKo());
        });
        return choices;
    }
}
