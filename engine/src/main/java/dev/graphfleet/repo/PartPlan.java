package dev.graphfleet.repo;

import java.util.ArrayList;
import java.util.List;

/** Splits an object into fixed-size parts for ranged reads; the last part may be shorter. */
public final class PartPlan {

    public record Part(int index, long offset, long length) {
    }

    private PartPlan() {
    }

    public static List<Part> split(long size, long partSize) {
        if (size < 0 || partSize < 1) {
            throw new IllegalArgumentException("cannot split " + size + " bytes into parts of " + partSize);
        }
        long count = (size + partSize - 1) / partSize;
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("part size " + partSize + " is too small for " + size + " bytes");
        }
        List<Part> parts = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            long offset = i * partSize;
            parts.add(new Part(i, offset, Math.min(partSize, size - offset)));
        }
        return parts;
    }
}
