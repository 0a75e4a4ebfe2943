package io.spock.metadata.kis;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Unpacks KIS master archives: a zip holding exactly one file, whatever its name or case. */
final class MasterArchive {

    /** Far above the largest real master file (about 0.6 MB), low enough to stop a zip bomb. */
    static final int MAX_ENTRY_BYTES = 64 * 1024 * 1024;

    private MasterArchive() {
    }

    static boolean isZip(byte[] content) {
        return content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    /** @throws IOException with a short reason when the archive is corrupt, empty, too large or has several files */
    static byte[] singleEntry(byte[] zip) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry = in.getNextEntry();
            if (entry == null) {
                throw new IOException("not a zip archive or an empty one");
            }
            byte[] content = readLimited(in, entry.getName());
            ZipEntry extra = in.getNextEntry();
            if (extra != null) {
                throw new IOException("expected one file in the zip, found " + entry.getName() + " and "
                        + extra.getName());
            }
            return content;
        }
    }

    private static byte[] readLimited(InputStream in, String name) throws IOException {
        byte[] content = in.readNBytes(MAX_ENTRY_BYTES + 1);
        if (content.length > MAX_ENTRY_BYTES) {
            throw new IOException(name + " is larger than " + MAX_ENTRY_BYTES + " bytes");
        }
        return content;
    }
}
