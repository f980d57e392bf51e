package org.voc.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No service's migration changes once it is written down (released-migrations.sha256): Flyway checks each applied
 * migration's checksum at every start, so an edited one — even a comment — stops every pod of that service on every
 * database that applied it, and `helm rollback` cannot help. A new migration is appended to the list with its hash.
 */
class MigrationHistoryIT {

    private static final Path ROOT = Path.of(System.getProperty("voc.repo.root", ".."));
    private static final Path LIST = Path.of("src/test/resources/released-migrations.sha256");

    @Test
    void everyMigrationIsListedAndNoListedOneChanged() throws IOException {
        Map<String, String> listed = new TreeMap<>();
        for (String line : Files.readAllLines(LIST)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] hashAndFile = line.split("\\s+", 2);
                listed.put(hashAndFile[1].strip(), hashAndFile[0]);
            }
        }
        Map<String, String> present = new TreeMap<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path module : modules.sorted().toList()) {
                Path migrations = module.resolve("src/main/resources/db/migration");
                if (Files.isDirectory(migrations)) {
                    try (Stream<Path> files = Files.list(migrations)) {
                        for (Path file : files.sorted().toList()) {
                            present.put(ROOT.relativize(file).toString(), sha256(file));
                        }
                    }
                }
            }
        }

        List<String> changed = listed.keySet().stream()
                .filter(file -> !listed.get(file).equals(present.get(file)))
                .map(file -> file + (present.containsKey(file) ? " changed" : " is gone"))
                .toList();
        assertEquals(List.of(), changed, "applied migrations must never change or disappear; add a new one instead");
        List<String> unlisted = present.keySet().stream()
                .filter(file -> !listed.containsKey(file))
                .toList();
        assertEquals(List.of(), unlisted, "append each new migration to " + LIST + " with its SHA-256");
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
