package io.spock.metadata.kis;

import java.util.List;

/**
 * The records read from one master file, and the malformed lines that were skipped (at most 1 % of the lines, or
 * {@link KisMasterReader} would have thrown).
 *
 * @param source the file or URL the records came from
 */
public record MasterFile(String source, List<KisMasterRecord> records, List<MalformedLine> malformed) {

    public MasterFile {
        records = List.copyOf(records);
        malformed = List.copyOf(malformed);
    }

    public List<KisMasterRecord> stocks() {
        return records.stream().filter(KisMasterRecord::isStock).toList();
    }
}
