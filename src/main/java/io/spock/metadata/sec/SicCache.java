package io.spock.metadata.sec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.spock.metadata.bulk.ListCache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * SEC's answer per company, kept in the cache folder ({@code sec-submissions/CIK##########.json}, only the fields
 * {@link SecCompany} holds), so that a company is asked again only after its maximum age (90 days by default).
 */
public final class SicCache {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private final Path dir;

    /** @param cacheDir the bulk lists' cache folder; companies go in its {@code sec-submissions} folder */
    public SicCache(Path cacheDir) {
        this.dir = cacheDir.resolve("sec-submissions");
    }

    public Optional<SecCompany> get(String paddedCik) {
        Path file = dir.resolve("CIK" + paddedCik + ".json");
        try {
            return Files.isRegularFile(file) ? Optional.of(JSON.readValue(file.toFile(), SecCompany.class))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** @throws UncheckedIOException when the folder cannot be written */
    public void put(String paddedCik, SecCompany company) {
        try {
            ListCache.writeAtomically(dir.resolve("CIK" + paddedCik + ".json"), JSON.writeValueAsBytes(company));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Companies kept. */
    public int size() {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return (int) files.filter(f -> f.getFileName().toString().endsWith(".json")).count();
        } catch (IOException e) {
            return 0;
        }
    }
}
