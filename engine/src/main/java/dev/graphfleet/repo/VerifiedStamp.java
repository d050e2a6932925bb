package dev.graphfleet.repo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;

/**
 * What a cached data file looked like when its sha256 was last checked: size, modified time, and
 * where the file system has them, inode and change time (ctime, which no one can set back, unlike
 * the modified time). A file that no longer looks like this has changed since and is hashed again
 * before it is used; one that still does is trusted without reading it (hashing gigabytes on every
 * attach would be the alternative). It catches edits and replacements, not silent bit rot on disk.
 *
 * <p>{@code unflushedIn} names the boot in which the file was verified without being flushed to disk
 * (null: it was flushed, or read back from disk). Such a stamp vouches for the file only in that boot:
 * after a power loss the file may hold bytes that never reached the disk, so it is hashed again.
 */
record VerifiedStamp(String sha256, long size, long modifiedNanos, long changedNanos, String fileKey,
                     String unflushedIn) {

    private static final String UNIX_ATTRIBUTES = "unix:size,lastModifiedTime,ctime,ino,dev";

    VerifiedStamp {
        fileKey = String.valueOf(fileKey).replace(' ', '_'); // the stamp file is space-separated
        unflushedIn = unflushedIn == null ? null : unflushedIn.replace(' ', '_');
    }

    /** How the file looks now, for a file whose contents hash to {@code sha256}. */
    static VerifiedStamp of(Path file, String sha256) throws IOException {
        try {
            Map<String, Object> unix = Files.readAttributes(file, UNIX_ATTRIBUTES);
            return new VerifiedStamp(sha256, (Long) unix.get("size"), nanos(unix.get("lastModifiedTime")),
                    nanos(unix.get("ctime")), unix.get("dev") + ":" + unix.get("ino"), null);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            // No unix view (not Linux or macOS): size, modified time and the file key are what there is.
            BasicFileAttributes basic = Files.readAttributes(file, BasicFileAttributes.class);
            return new VerifiedStamp(sha256, basic.size(), nanos(basic.lastModifiedTime()), -1,
                    String.valueOf(basic.fileKey()), null);
        }
    }

    /** This stamp, for a file verified in boot {@code boot} and not flushed to disk. */
    VerifiedStamp notFlushedIn(String boot) {
        return new VerifiedStamp(sha256, size, modifiedNanos, changedNanos, fileKey, boot);
    }

    /**
     * Whether this saved stamp vouches for the file that looks like {@code now}: the same look, and either
     * flushed or verified in this very boot.
     */
    boolean vouchesFor(VerifiedStamp now, java.util.Optional<String> boot) {
        boolean sameLook = sha256.equals(now.sha256) && size == now.size && modifiedNanos == now.modifiedNanos
                && changedNanos == now.changedNanos && fileKey.equals(now.fileKey);
        return sameLook && (unflushedIn == null || boot.filter(unflushedIn::equals).isPresent());
    }

    /** The stamp saved next to the file; empty when there is none or it cannot be read. */
    static Optional<VerifiedStamp> read(Path stampFile) throws IOException {
        String text;
        try {
            text = Files.readString(stampFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        String[] fields = text.strip().split(" ");
        if (fields.length != 5 && fields.length != 6) {
            return Optional.empty();
        }
        try {
            return Optional.of(new VerifiedStamp(fields[0], Long.parseLong(fields[1]), Long.parseLong(fields[2]),
                    Long.parseLong(fields[3]), fields[4], fields.length == 6 ? fields[5] : null));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Written beside the file (through a temporary file and a rename, so a torn stamp never exists). */
    void write(Path stampFile) throws IOException {
        Path temp = stampFile.resolveSibling(stampFile.getFileName() + ".tmp");
        Files.writeString(temp, sha256 + " " + size + " " + modifiedNanos + " " + changedNanos + " " + fileKey
                + (unflushedIn == null ? "" : " " + unflushedIn) + "\n", StandardCharsets.UTF_8);
        Files.move(temp, stampFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static long nanos(Object fileTime) {
        FileTime time = (FileTime) fileTime;
        return time.to(java.util.concurrent.TimeUnit.NANOSECONDS);
    }
}
