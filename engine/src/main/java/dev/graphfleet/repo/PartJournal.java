package dev.graphfleet.repo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;
import java.util.List;

/**
 * The record of which parts of an interrupted download are on disk: a header naming the object
 * (sha256, size, part size), then one line per completed part. A part is written before its
 * line, so after a crash of the process a line means the bytes are there; a torn last line is
 * ignored. Neither is flushed: after a power loss a line may outlive its bytes, which the
 * whole-file sha256 catches (the download then starts over), so the journal costs no disk
 * round trip per part. A journal for another object or part size is not trusted.
 */
final class PartJournal implements AutoCloseable {

    private static final String MAGIC = "graphfleet-parts 1";

    private final FileChannel channel;
    private final BitSet completed;

    private PartJournal(FileChannel channel, BitSet completed) {
        this.channel = channel;
        this.completed = completed;
    }

    static String header(Manifest manifest, long partSize) {
        return MAGIC + " " + manifest.sha256() + " " + manifest.sizeBytes() + " " + partSize;
    }

    /**
     * Opens the journal at {@code file} for this object, keeping its completed parts if it belongs
     * to the same object and part size; {@link #resumed()} says whether it did.
     */
    static PartJournal open(Path file, String header, int partCount) throws IOException {
        BitSet completed = readCompleted(file, header, partCount);
        if (completed == null) {
            Files.write(file, (header + "\n").getBytes(StandardCharsets.US_ASCII));
            completed = new BitSet(partCount);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        return new PartJournal(channel, completed);
    }

    /** The completed parts, or null when the journal is missing or is for something else. */
    private static BitSet readCompleted(Path file, String header, int partCount) throws IOException {
        List<String> lines;
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII);
            if (!text.endsWith("\n")) {
                text = text.substring(0, text.lastIndexOf('\n') + 1); // drop a torn last line
            }
            lines = text.lines().toList();
        } catch (NoSuchFileException e) {
            return null;
        } catch (java.nio.charset.MalformedInputException e) {
            return null;
        }
        if (lines.isEmpty() || !lines.get(0).equals(header)) {
            return null;
        }
        BitSet completed = new BitSet(partCount);
        for (String line : lines.subList(1, lines.size())) {
            try {
                int index = Integer.parseInt(line);
                if (index >= 0 && index < partCount) {
                    completed.set(index);
                }
            } catch (NumberFormatException e) {
                return null; // not written by us: do not trust any of it
            }
        }
        return completed;
    }

    synchronized boolean isComplete(int part) {
        return completed.get(part);
    }

    synchronized int completedCount() {
        return completed.cardinality();
    }

    /** Records a part whose bytes are already written to the data file. */
    synchronized void record(int part) throws IOException {
        ByteBuffer line = ByteBuffer.wrap((part + "\n").getBytes(StandardCharsets.US_ASCII));
        while (line.hasRemaining()) {
            channel.write(line);
        }
        completed.set(part);
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
