package io.spock.metadata.render;

import io.spock.metadata.app.ExitCodes;
import io.spock.metadata.app.SpockException;
import io.spock.metadata.app.UsageException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes command output to a file, refusing to overwrite one unless told to, and never leaving half a file. */
public final class OutputFile {

    private OutputFile() {
    }

    public static String write(String file, String content, boolean force) {
        Path path = Path.of(file).toAbsolutePath();
        if (Files.exists(path) && !force) {
            throw new UsageException(file + " already exists: add --force to overwrite it");
        }
        if (!Files.isDirectory(path.getParent())) {
            throw new UsageException("cannot write " + file + ": directory " + path.getParent() + " does not exist");
        }
        try {
            Path temp = Files.createTempFile(path.getParent(), ".spock-", ".tmp");
            Files.writeString(temp, content.endsWith("\n") ? content : content + "\n", StandardCharsets.UTF_8);
            Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SpockException(ExitCodes.ERROR, "cannot write " + file + ": " + e.getMessage(), e);
        }
        return "wrote " + path;
    }
}
