package dev.graphfleet.bench.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The other process of the /metrics benchmark: {@code FileStorm DIR PREFIX COUNT} creates COUNT empty
 * files at the top of a node's data directory (where its size scanner lists), printing how many it
 * has written every {@link #REPORT_EVERY} and once at the end, then "done".
 */
public final class FileStorm {

    static final int REPORT_EVERY = 1_000;

    private FileStorm() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        String prefix = args[1];
        int count = Integer.parseInt(args[2]);
        for (int i = 1; i <= count; i++) {
            Files.createFile(dir.resolve(prefix + i + ".tmp")); // empty: no block to allocate now and discard later
            if (i % REPORT_EVERY == 0) {
                System.out.println(i);
                System.out.flush();
            }
        }
        if (count % REPORT_EVERY != 0) {
            System.out.println(count); // the last few: the count the parent checks is exact
        }
        System.out.println("done");
    }
}
