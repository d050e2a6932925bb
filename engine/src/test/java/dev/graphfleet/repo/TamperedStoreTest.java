package dev.graphfleet.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.graphfleet.testing.SettableClock;
import dev.graphfleet.testing.TestFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store someone edited by hand, or an attacker wrote to: manifests with wrong sizes or checksums,
 * names that differ from where they are stored or that try traversal and injection, versions that
 * are missing. Each is refused with the problem named, and nothing changes: the cache keeps the
 * good version it had and gets no new file in place, and the store is only read.
 */
class TamperedStoreTest {

    private static final RepositoryName SEC = RepositoryName.of("sec");
    private static final long SIZE = 200_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    record Case(String what, Consumer<Path> tamper, String expected) {
    }

    /** Edits the current pointer and v2's manifest alike (the pointer is a copy of it). */
    private static Consumer<Path> manifest(Consumer<ObjectNode> edit) {
        return root -> {
            for (Path file : List.of(root.resolve("sec/manifest.json"), root.resolve("sec/v2/manifest.json"))) {
                try {
                    ObjectNode node = (ObjectNode) JSON.readTree(file.toFile());
                    edit.accept(node);
                    Files.write(file, JSON.writeValueAsBytes(node));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    private static Consumer<Path> pointerBytes(byte[] bytes) {
        return root -> write(root.resolve("sec/manifest.json"), bytes);
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path path) {
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        // Sizes and checksums.
        cases.add(new Case("size one byte more", manifest(n -> n.put("size_bytes", SIZE + 1)), "but its manifest says " + (SIZE + 1)));
        cases.add(new Case("size one byte less", manifest(n -> n.put("size_bytes", SIZE - 1)), "but its manifest says " + (SIZE - 1)));
        cases.add(new Case("size negative", manifest(n -> n.put("size_bytes", -1)), "size_bytes must be 0 or more"));
        cases.add(new Case("size as text", manifest(n -> n.put("size_bytes", "200000")), "size_bytes must be a whole number"));
        cases.add(new Case("size beyond a long", manifest(n -> n.put("size_bytes", new java.math.BigInteger("99999999999999999999"))), "size_bytes"));
        cases.add(new Case("data shorter than its manifest", root -> write(root.resolve("sec/v2/data.kuzu"), new byte[10]), "is 10 bytes but its manifest says"));
        cases.add(new Case("checksum of other bytes", manifest(n -> n.put("sha256", "0".repeat(64))), "does not match its manifest"));
        cases.add(new Case("checksum upper case", manifest(n -> n.put("sha256", "AB".repeat(32))), "64 lowercase hex digits"));
        cases.add(new Case("checksum too short", manifest(n -> n.put("sha256", "ab")), "64 lowercase hex digits"));
        cases.add(new Case("checksum missing", manifest(n -> n.remove("sha256")), "has no field sha256"));
        // Names that differ from their files, traversal and injection.
        cases.add(new Case("another repository's name", manifest(n -> n.put("name", "industry")), "names repository 'industry' but is stored under 'sec'"));
        cases.add(new Case("traversal in the name", manifest(n -> n.put("name", "../etc")), "is stored under 'sec'"));
        cases.add(new Case("quote in the name", manifest(n -> n.put("name", "sec'")), "is stored under 'sec'"));
        cases.add(new Case("semicolon in the name", manifest(n -> n.put("name", "sec; DROP")), "is stored under 'sec'"));
        cases.add(new Case("NUL in the name", manifest(n -> n.put("name", "sec\u0000")), "is stored under 'sec'"));
        cases.add(new Case("look-alike name", manifest(n -> n.put("name", "\u0455ec")), "\\u0455"));
        cases.add(new Case("traversal in the object key", manifest(n -> n.put("object_key", "sec/v2/../../etc/passwd")), "object_key must be 'sec/v2/data.kuzu'"));
        cases.add(new Case("absolute object key", manifest(n -> n.put("object_key", "/etc/passwd")), "object_key must be 'sec/v2/data.kuzu'"));
        cases.add(new Case("injection in the engine version", manifest(n -> n.put("engine_version", "0.11.2'; ATTACH")), "engine_version must be"));
        // Versions.
        cases.add(new Case("manifest says another version", manifest(n -> n.put("version", "v1")), "object_key must be 'sec/v1/data.kuzu' (found 'sec/v2/data.kuzu')"));
        cases.add(new Case("version not a version", manifest(n -> n.put("version", "../v1")), "is not 'v' followed by a positive number"));
        cases.add(new Case("pointer to a missing version", manifest(n -> n.put("version", "v7")), "v7"));
        cases.add(new Case("version directory gone", root -> delete(root.resolve("sec/v2")), "names v2, but that version is incomplete"));
        cases.add(new Case("version's manifest gone", root -> delete(root.resolve("sec/v2/manifest.json")), "v2"));
        cases.add(new Case("version's data gone", root -> delete(root.resolve("sec/v2/data.kuzu")), "v2"));
        // The pointer itself unreadable.
        cases.add(new Case("pointer not JSON", pointerBytes("not json".getBytes()), "sec/manifest.json"));
        cases.add(new Case("pointer empty", pointerBytes(new byte[0]), "sec/manifest.json"));
        cases.add(new Case("pointer a list", pointerBytes("[1]".getBytes()), "sec/manifest.json"));
        cases.add(new Case("pointer huge", pointerBytes(("{\"x\": \"" + "a".repeat(ManifestJson.MAX_BYTES) + "\"}").getBytes()), "sec/manifest.json"));
        cases.add(new Case("pointer of binary bytes", pointerBytes(new byte[] {0, (byte) 0xFF, 0x7B, 0}), "sec/manifest.json"));
        cases.add(new Case("future format", manifest(n -> n.put("format", 99)), "format"));
        return cases;
    }

    @Test
    void everyTamperedManifestIsRefusedAndNothingChanges() throws Exception {
        List<Case> cases = cases();
        int i = 0;
        for (Case c : cases) {
            Path dir = Files.createDirectories(temp.resolve("case-" + i++));
            Path root = Files.createDirectory(dir.resolve("store"));
            SettableClock clock = new SettableClock(Instant.parse("2026-11-21T10:00:00Z"));
            FileRepositoryStore store = new FileRepositoryStore(new StoreUri.Local(root), clock);
            RepositoryCache cache = new RepositoryCache(dir.resolve("cache"), 1L << 30, Set::of, clock);
            RepositoryFetcher fetcher = new RepositoryFetcher(store, cache, FetchOptions.defaults()
                    .withPartSize(64 * 1024).withRetry(RetryPolicy.immediate(1)));
            Manifest v1 = store.publish(SEC, TestFiles.random(dir.resolve("a.kuzu"), SIZE, 1), "0.11.2");
            fetcher.fetch(v1, FetchListener.NONE); // the cache holds a good version
            store.publish(SEC, TestFiles.random(dir.resolve("b.kuzu"), SIZE, 2), "0.11.2");

            c.tamper().accept(root);
            Map<String, String> storeBefore = contents(root);
            Map<String, String> cacheBefore = contents(dir.resolve("cache"));

            assertThatThrownBy(() -> fetcher.fetch(store.current(SEC), FetchListener.NONE)).as(c.what())
                    .isInstanceOf(RepositoryException.class)
                    .hasMessageContaining(c.expected());

            assertThat(contents(root)).as(c.what() + ": the store is only read").isEqualTo(storeBefore);
            assertThat(contents(dir.resolve("cache"))).as(c.what() + ": nothing new in the cache").isEqualTo(cacheBefore);
            assertThat(cache.cached(v1.ref())).as(c.what()).contains(v1);
            store.close();
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(30);
    }

    @Test
    void namesThatAreNotIdentifiersNeverReachTheStore() {
        for (String name : List.of("../sec", "sec/../../etc", "sec\u0000", "sec'", "sec\"", "sec;", "\u0455ec", "SEC", "", "sec ")) {
            assertThatThrownBy(() -> RepositoryName.of(name)).as(name).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("repository name");
        }
    }

    /** Every regular file with its SHA-256, lock files left out (a fetch may take a version's lock). */
    private static Map<String, String> contents(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.exists(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                if (!file.getFileName().toString().equals("fetch.lock")) {
                    files.put(dir.relativize(file).toString(), Sha256.of(file));
                }
            }
        }
        return files;
    }
}
