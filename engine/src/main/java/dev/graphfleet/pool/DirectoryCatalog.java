package dev.graphfleet.pool;

import dev.graphfleet.graph.DatabaseNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A writer's databases: one file {@code <name><extension>} each in the data directory. The engine's
 * home directory (spill files, extensions) is {@code <dataDir>/.engine}, on the same volume.
 */
public final class DirectoryCatalog implements DatabaseCatalog {

    private final Path dataDir;
    private final String extension;
    private final DatabaseDefaults defaults;
    private final boolean createMissing;

    /**
     * @param createMissing open a missing database as a new, empty one (writers); when false, or on a
     *                      read-only node, a missing file is an {@link UnknownDatabaseException}
     */
    public DirectoryCatalog(Path dataDir, String extension, DatabaseDefaults defaults, boolean createMissing) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.extension = extension;
        this.defaults = defaults;
        this.createMissing = createMissing && !defaults.readOnly();
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path fileOf(String name) {
        return dataDir.resolve(DatabaseNames.requireValid(name) + extension);
    }

    @Override
    public DatabaseSpec spec(String name) {
        Path file = fileOf(name);
        if (!Files.isRegularFile(file)) {
            if (!createMissing) {
                throw new UnknownDatabaseException("no database " + name + " in " + dataDir);
            }
            createDirectories(dataDir);
        }
        Path home = dataDir.resolve(".engine");
        createDirectories(home);
        return defaults.specFor(name, file, home);
    }

    @Override
    public List<String> names() {
        if (!Files.isDirectory(dataDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dataDir)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> file.getFileName().toString())
                    .filter(file -> file.endsWith(extension))
                    .map(file -> file.substring(0, file.length() - extension.length()))
                    .filter(DatabaseNames::isValid)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list databases in " + dataDir, e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }
}
