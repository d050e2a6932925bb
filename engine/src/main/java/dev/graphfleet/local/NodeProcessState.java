package dev.graphfleet.local;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One node's process as the local fleet's supervisor sees it (in {@code local-fleet.json} as {@code processes}).
 *
 * @param pid           its process id while it runs
 * @param health        the status word of its last {@code /health} answer ({@code ready}, {@code stale},
 *                      {@code starting}, ...), or {@code no answer}
 * @param downSince     since when it has not been up (null while up)
 * @param restarts      how often the supervisor started it again (after a crash, or asked to)
 * @param lastExit      how its last process ended, e.g. {@code exit 137, killed by signal 9}
 * @param nextRestartAt when a node that is down is started again
 * @param log           the file its output goes to
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NodeProcessState(String id, Status status, Long pid, String health, Instant downSince, int restarts,
                               String lastExit, Instant nextRestartAt, String log) {

    /**
     * {@code STARTING}: the process runs, its /health is not ready yet; {@code UP}: it answers ready (or stale:
     * it has its data and the staleness rule drains it); {@code UNHEALTHY}: it was up and no longer answers so;
     * {@code DOWN}: no process (it crashed or was killed; the supervisor restarts it at {@code nextRestartAt});
     * {@code STOPPED}: stopped on purpose.
     */
    public enum Status { STARTING, UP, UNHEALTHY, DOWN, STOPPED }

    /** One line for a person, e.g. {@code replica-1 DOWN since 12:01:02Z (exit 137, killed by signal 9), 2 restarts}. */
    public String describe() {
        StringBuilder line = new StringBuilder(id).append(' ').append(status);
        if (pid != null) {
            line.append(" pid ").append(pid);
        }
        if (downSince != null) {
            line.append(" since ").append(downSince);
        }
        if (status != Status.UP && lastExit != null) {
            line.append(" (").append(lastExit).append(')');
        }
        if (health != null && status != Status.DOWN) {
            line.append(", health ").append(health);
        }
        line.append(", ").append(restarts).append(restarts == 1 ? " restart" : " restarts");
        if (nextRestartAt != null) {
            line.append(", next start at ").append(nextRestartAt);
        }
        return line.toString();
    }
}
