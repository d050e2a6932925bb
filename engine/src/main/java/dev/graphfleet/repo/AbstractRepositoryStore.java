package dev.graphfleet.repo;

import dev.graphfleet.repo.RepositoryException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The store logic both back ends share (layout, publish order, versions, manifest checks), over
 * a handful of object primitives that {@link FileRepositoryStore} and the S3 store implement.
 */
public abstract class AbstractRepositoryStore implements RepositoryStore {

    /** An object under the store root: key relative to the root, size, last write. */
    public record StoredObject(String key, long size, Instant lastModified) {
    }

    private final StoreUri uri;
    private final Clock clock;

    protected AbstractRepositoryStore(StoreUri uri, Clock clock) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Objects whose relative key starts with {@code relativePrefix} ("" for all). */
    protected abstract List<StoredObject> listObjects(String relativePrefix) throws IOException;

    /** The whole object, or empty if absent; larger than {@code maxBytes} is an error. */
    protected abstract Optional<byte[]> readSmall(String key, int maxBytes) throws IOException;

    /** The object's size, or empty if absent. */
    protected abstract Optional<Long> sizeOf(String key) throws IOException;

    /** Writes a file as one object; readers see all of it or none of it. */
    protected abstract void putFile(String key, Path file, long size) throws IOException;

    /** Writes (or replaces) a small object; readers see the old or the new one, whole. */
    protected abstract void putBytes(String key, byte[] bytes) throws IOException;

    /** A stream of exactly {@code length} bytes from {@code offset}; NOT_FOUND when absent. */
    protected abstract InputStream openObjectRange(String key, long offset, long length) throws IOException;

    /** The object's full location for messages, e.g. {@code s3://bucket/prefix/sec/v1/data.kuzu}. */
    protected String describe(String key) {
        String root = uri.toString();
        return root.endsWith("/") ? root + key : root + "/" + key;
    }

    @Override
    public StoreUri uri() {
        return uri;
    }

    @Override
    public Manifest publish(RepositoryName name, Path databaseFile, String engineVersion) throws IOException {
        Objects.requireNonNull(name, "name");
        if (!Manifest.isValidEngineVersion(engineVersion)) {
            throw new IllegalArgumentException("engine version "
                    + (engineVersion == null ? "(none)" : RepositoryName.quoted(engineVersion))
                    + " is not valid: use letters, digits, '.', '_', '+' or '-', e.g. '0.11.2'");
        }
        FileState before = checkPublishable(databaseFile);
        String sha256 = Sha256.of(databaseFile);
        Version version = nextVersion(name);
        putFile(StoreLayout.dataKey(name, version), databaseFile, before.size());
        if (!FileState.of(databaseFile).equals(before)) {
            throw new RepositoryException(Reason.FAILED, databaseFile + " changed while it was being published as "
                    + name + " " + version + "; stop writers (or checkpoint) and publish again"
                    + " (the partial version stays invisible: it has no manifest)");
        }
        Manifest manifest = Manifest.of(name, version, before.size(), sha256, engineVersion, clock.instant());
        byte[] json = ManifestJson.write(manifest);
        putBytes(StoreLayout.manifestKey(name, version), json);
        putBytes(StoreLayout.pointerKey(name), json);
        return manifest;
    }

    private record FileState(long size, FileTime modified) {
        static FileState of(Path file) throws IOException {
            return new FileState(Files.size(file), Files.getLastModifiedTime(file));
        }
    }

    private static FileState checkPublishable(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new RepositoryException(Reason.FAILED, "cannot publish " + file
                    + ": no such file (give the path of a checkpointed database file)");
        }
        if (!Files.isReadable(file)) {
            throw new RepositoryException(Reason.FAILED, "cannot publish " + file + ": the file is not readable");
        }
        Path wal = file.resolveSibling(file.getFileName() + ".wal");
        if (Files.exists(wal) && Files.size(wal) > 0) {
            throw new RepositoryException(Reason.FAILED, "cannot publish " + file + ": it has an uncheckpointed"
                    + " write-ahead log (" + wal.getFileName() + ", " + Files.size(wal) + " bytes);"
                    + " checkpoint the database (CHECKPOINT, or graphfleet repo pack) and close it first");
        }
        FileState state = FileState.of(file);
        if (state.size() == 0) {
            throw new RepositoryException(Reason.FAILED, "cannot publish " + file + ": the file is empty");
        }
        return state;
    }

    /** One past the highest version with any object, complete or not, so no key is ever reused. */
    private Version nextVersion(RepositoryName name) throws IOException {
        Version highest = null;
        for (StoredObject object : listObjects(name + "/")) {
            Optional<Version> version = StoreLayout.parse(object.key()).flatMap(StoreLayout.Entry::version);
            if (version.isPresent() && (highest == null || version.get().compareTo(highest) > 0)) {
                highest = version.get();
            }
        }
        return highest == null ? Version.FIRST : highest.next();
    }

    @Override
    public List<RepositoryListing> list() throws IOException {
        Map<RepositoryName, Map<Version, StoredObject>> data = new TreeMap<>();
        Map<RepositoryName, Map<Version, Boolean>> manifests = new TreeMap<>();
        Map<RepositoryName, Boolean> pointers = new TreeMap<>();
        for (StoredObject object : listObjects("")) {
            Optional<StoreLayout.Entry> parsed = StoreLayout.parse(object.key());
            if (parsed.isEmpty()) {
                continue; // not ours (or a temporary file of a publish in progress)
            }
            StoreLayout.Entry entry = parsed.get();
            switch (entry.kind()) {
                case POINTER -> pointers.put(entry.name(), true);
                case MANIFEST -> manifests.computeIfAbsent(entry.name(), n -> new TreeMap<>())
                        .put(entry.version().orElseThrow(), true);
                case DATA -> data.computeIfAbsent(entry.name(), n -> new TreeMap<>())
                        .put(entry.version().orElseThrow(), object);
            }
        }
        List<RepositoryListing> listings = new ArrayList<>();
        for (RepositoryName name : union(data.keySet(), manifests.keySet(), pointers.keySet())) {
            List<RepositoryListing.VersionEntry> versions = new ArrayList<>();
            Map<Version, StoredObject> objects = data.getOrDefault(name, Map.of());
            for (Version version : manifests.getOrDefault(name, Map.of()).keySet()) {
                StoredObject object = objects.get(version);
                if (object != null) {
                    versions.add(new RepositoryListing.VersionEntry(version, object.size(), object.lastModified()));
                }
            }
            Optional<Version> current = Optional.empty();
            Optional<String> problem = Optional.empty();
            if (pointers.containsKey(name)) {
                try {
                    current = Optional.of(readPointer(name).version());
                    Version named = current.get();
                    if (versions.stream().noneMatch(v -> v.version().equals(named))) {
                        problem = Optional.of("the current pointer names " + named + ", which is not complete in the store");
                    }
                } catch (RepositoryException e) {
                    problem = Optional.of(e.getMessage());
                }
            } else {
                problem = Optional.of("no current pointer (" + StoreLayout.pointerKey(name)
                        + "): a publish did not finish");
            }
            listings.add(new RepositoryListing(name, current, versions, problem));
        }
        return listings;
    }

    @SafeVarargs
    private static List<RepositoryName> union(Set<RepositoryName>... sets) {
        TreeSet<RepositoryName> all = new TreeSet<>();
        for (Set<RepositoryName> set : sets) {
            all.addAll(set);
        }
        return new ArrayList<>(all);
    }

    private Manifest readPointer(RepositoryName name) throws IOException {
        String key = StoreLayout.pointerKey(name);
        byte[] json = readSmall(key, ManifestJson.MAX_BYTES).orElseThrow(() -> new RepositoryException(
                Reason.NOT_FOUND, "repository '" + name + "' is not in " + uri
                        + " (no " + key + "); publish it with graphfleet repo push"));
        return ManifestJson.read(json, describe(key), name, Optional.empty());
    }

    @Override
    public Manifest current(RepositoryName name) throws IOException {
        Objects.requireNonNull(name, "name");
        Manifest pointer = readPointer(name);
        Manifest versioned;
        try {
            versioned = manifest(name, pointer.version());
        } catch (RepositoryException e) {
            if (e.reason() == Reason.NOT_FOUND) {
                throw new RepositoryException(Reason.INVALID_MANIFEST, "the current pointer "
                        + describe(StoreLayout.pointerKey(name)) + " names " + pointer.version()
                        + ", but that version is incomplete: " + e.getMessage()
                        + "; publish again or restore the version", e);
            }
            throw e;
        }
        if (!versioned.equals(pointer)) {
            throw new RepositoryException(Reason.INVALID_MANIFEST, "the current pointer "
                    + describe(StoreLayout.pointerKey(name)) + " does not match "
                    + describe(StoreLayout.manifestKey(name, pointer.version()))
                    + "; a publish was interrupted or the store was edited by hand: publish again");
        }
        return versioned;
    }

    @Override
    public Manifest manifest(RepositoryName name, Version version) throws IOException {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        String key = StoreLayout.manifestKey(name, version);
        byte[] json = readSmall(key, ManifestJson.MAX_BYTES).orElseThrow(() -> new RepositoryException(
                Reason.NOT_FOUND, "repository '" + name + "' has no version " + version + " in " + uri
                        + " (no " + key + ")"));
        Manifest manifest = ManifestJson.read(json, describe(key), name, Optional.of(version));
        Optional<Long> size = sizeOf(manifest.objectKey());
        if (size.isEmpty()) {
            throw new RepositoryException(Reason.NOT_FOUND, "the data of '" + name + "' " + version
                    + " is missing: " + describe(manifest.objectKey()) + " does not exist");
        }
        if (size.get() != manifest.sizeBytes()) {
            throw new RepositoryException(Reason.INVALID_MANIFEST, describe(manifest.objectKey()) + " is "
                    + size.get() + " bytes but its manifest says " + manifest.sizeBytes());
        }
        return manifest;
    }

    @Override
    public InputStream openRange(Manifest manifest, long offset, long length) throws IOException {
        if (offset < 0 || length < 0 || offset + length > manifest.sizeBytes()) {
            throw new IllegalArgumentException("range " + offset + "+" + length + " is outside "
                    + manifest.objectKey() + " (" + manifest.sizeBytes() + " bytes)");
        }
        return openObjectRange(manifest.objectKey(), offset, length);
    }
}
