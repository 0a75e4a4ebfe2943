package io.spock.metadata.classify;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code config/kis_sector_to_gics_mapping.json}: every KIS industry code → GICS sector with a confidence.
 * Codes are normalised (trimmed, left-padded to three digits); 0, 000 and blank mean unclassified.
 */
public final class KisSectorMapping {

    public static final String UNCLASSIFIED = "000";

    private final Map<String, KisSectorMatch> byCode;

    private KisSectorMapping(Map<String, KisSectorMatch> byCode) {
        this.byCode = byCode;
    }

    public static KisSectorMapping load(Path file, GicsTaxonomy gics) {
        Map<String, KisSectorMatch> byCode = new LinkedHashMap<>();
        for (JsonEntries.Entry entry : JsonEntries.read(file, "codes")) {
            String raw = JsonEntries.text(file, entry, "code");
            if (!raw.matches("\\d{1,3}")) {
                throw new MappingFileException(file + " line " + entry.line() + ": code '" + raw
                        + "' is not a number of up to three digits");
            }
            String code = normalise(raw);
            if (code.equals(UNCLASSIFIED)) {
                throw new MappingFileException(file + " line " + entry.line()
                        + ": code 000 means unclassified and cannot be mapped");
            }
            String sectorCode = JsonEntries.text(file, entry, "sector");
            GicsSector sector = gics.sector(sectorCode).orElseThrow(() -> new MappingFileException(file + " line "
                    + entry.line() + ": unknown GICS sector '" + sectorCode + "' for code " + code));
            String confidenceText = JsonEntries.text(file, entry, "confidence");
            Confidence confidence = Confidence.parse(confidenceText).orElseThrow(() -> new MappingFileException(
                    file + " line " + entry.line() + ": confidence '" + confidenceText
                            + "' must be high, medium or low"));
            String kisName = entry.node().path("kis_name").asText("");
            if (byCode.putIfAbsent(code, new KisSectorMatch(code, sector, confidence, kisName)) != null) {
                throw new MappingFileException(file + " line " + entry.line() + ": duplicate code " + code);
            }
        }
        return new KisSectorMapping(byCode);
    }

    /** Trims and left-pads a KIS code to three digits; blank and non-numeric codes become 000. */
    public static String normalise(String raw) {
        if (raw != null && raw.length() == 3 && isDigits(raw)) {
            return raw;
        }
        String code = raw == null ? "" : raw.trim();
        if (!code.matches("\\d{1,4}")) {
            return UNCLASSIFIED;
        }
        int value = Integer.parseInt(code);
        return value == 0 ? UNCLASSIFIED : String.format(Locale.ROOT, "%03d", value);
    }

    private static boolean isDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    public static boolean isUnclassified(String raw) {
        return normalise(raw).equals(UNCLASSIFIED);
    }

    public Optional<KisSectorMatch> lookup(String rawCode) {
        return Optional.ofNullable(byCode.get(normalise(rawCode)));
    }

    /** The mapped codes (three digits, file order); read-only. */
    public Set<String> codes() {
        return Collections.unmodifiableSet(byCode.keySet());
    }
}
