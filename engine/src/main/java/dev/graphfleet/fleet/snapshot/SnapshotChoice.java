package dev.graphfleet.fleet.snapshot;

import java.util.Objects;
import java.util.Optional;

/** The snapshot to use, or why there is none to use. */
public sealed interface SnapshotChoice {

    record Chosen(DataSnapshot snapshot) implements SnapshotChoice {
        public Chosen {
            Objects.requireNonNull(snapshot, "snapshot");
        }
    }

    /** @param reason a sentence that says what is wrong and what to do */
    record Refused(String reason) implements SnapshotChoice {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    default Optional<DataSnapshot> chosen() {
        return this instanceof Chosen chosen ? Optional.of(chosen.snapshot()) : Optional.empty();
    }

    default boolean isChosen() {
        return this instanceof Chosen;
    }
}
