package dev.graphfleet.fleet.refresh;

import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.FleetSnapshot;
import dev.graphfleet.fleet.Health;
import dev.graphfleet.fleet.ReplicaGroup;
import dev.graphfleet.fleet.TargetHealth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A replica group's instance as a refresh sees it.
 *
 * @param version the snapshot it runs, or null when not known (yet)
 */
public record Member(String instanceId, String version, State state) {

    /** Whether the instance takes traffic. */
    public enum State {
        /** The load balancer routes to it (or, without one, the node is ready). */
        SERVING,
        /** Not serving yet: launching, in its first health checks, not answering yet, draining. */
        NOT_YET,
        /** Failed: the load balancer marked it unhealthy, or the node answers but is broken. */
        FAILED
    }

    public Member {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(state, "state");
    }

    public boolean isServing() {
        return state == State.SERVING;
    }

    public boolean runs(String snapshot) {
        return snapshot.equals(version);
    }

    /** The members of {@code group} in {@code fleet}: versions from the group, else from the instance. */
    public static List<Member> of(FleetSnapshot fleet, ReplicaGroup group) {
        List<Member> members = new ArrayList<>();
        for (String id : group.instanceIds()) {
            Optional<FleetInstance> instance = fleet.instance(id);
            String version = group.versions().get(id);
            if (version == null && instance.isPresent() && instance.get().dataVersion() != null) {
                version = instance.get().dataVersion().id();
            }
            members.add(new Member(id, version, state(group.targetHealth().get(id), instance.orElse(null))));
        }
        return members;
    }

    /** The load balancer's view when there is one, else the node's own health. */
    static State state(TargetHealth target, FleetInstance instance) {
        if (target != null) {
            return switch (target.state()) {
                case HEALTHY -> State.SERVING;
                case UNHEALTHY, UNHEALTHY_DRAINING -> State.FAILED;
                default -> State.NOT_YET;
            };
        }
        if (instance == null) {
            return State.NOT_YET;
        }
        if (instance.health() == Health.HEALTHY) {
            return State.SERVING;
        }
        boolean starting = instance.state() != null && instance.state().equalsIgnoreCase("starting");
        return instance.health() == Health.UNHEALTHY && !starting ? State.FAILED : State.NOT_YET;
    }
}
