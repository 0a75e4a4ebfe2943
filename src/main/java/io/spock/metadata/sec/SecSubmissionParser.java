package io.spock.metadata.sec;

import com.fasterxml.jackson.databind.JsonNode;
import io.spock.metadata.bulk.JsonBody;
import io.spock.metadata.bulk.ListFormatException;

import java.time.Instant;

/**
 * Reads the industry part of SEC's {@code https://data.sec.gov/submissions/CIK##########.json}: {@code cik},
 * {@code name}, {@code sic} and {@code sicDescription} (the filings it also carries are ignored).
 */
public final class SecSubmissionParser {

    /** @throws ListFormatException HTML, invalid JSON, or no {@code cik} */
    public SecCompany parse(byte[] data, Instant fetchedAt) {
        JsonNode root = JsonBody.read(data);
        String cik = root.path("cik").asText("").strip();
        if (cik.isEmpty()) {
            throw new ListFormatException("no \"cik\"");
        }
        String sic = root.path("sic").asText("").strip();
        if (!sic.isEmpty() && !sic.matches("\\d{4}")) {
            throw new ListFormatException("\"sic\" is not four digits: " + sic);
        }
        return new SecCompany(cik, root.path("name").asText(""), sic, root.path("sicDescription").asText(""),
                fetchedAt);
    }
}
