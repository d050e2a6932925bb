package dev.graphfleet.console.service;

import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.FleetSnapshot;
import dev.graphfleet.fleet.Health;
import dev.graphfleet.fleet.NodeSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What changed between two consecutive refreshes that an operator should hear about: a node went
 * down or came back, a volume grew, an attachment failed, the source stopped or started answering.
 * Pure: one pass over each snapshot, keyed by instance id.
 */
public final class FleetEvents {

    /** How loud: a failure, a change for the better, or news. */
    public enum Level { PROBLEM, RECOVERY, INFO }

    /** One change, in a sentence that names the instance. */
    public record FleetEvent(Level level, String instanceId, String text) {
    }

    private FleetEvents() {
    }

    /** The changes from {@code before} to {@code after}; none when there is no {@code before}. */
    public static List<FleetEvent> between(FleetSnapshot before, FleetSnapshot after) {
        List<FleetEvent> events = new ArrayList<>();
        if (before == null) {
            return events;
        }
        if (before.sourceReachable() && !after.sourceReachable()) {
            events.add(new FleetEvent(Level.PROBLEM, null, "The source " + after.source() + " stopped answering"));
            return events; // its instances did not go down; the source did
        }
        if (!before.sourceReachable() && after.sourceReachable()) {
            events.add(new FleetEvent(Level.RECOVERY, null, "The source " + after.source() + " answers again"));
            return events;
        }
        Map<String, FleetInstance> was = new HashMap<>();
        before.instances().forEach(i -> was.put(i.id(), i));
        for (FleetInstance now : after.instances()) {
            FleetInstance then = was.remove(now.id());
            if (then == null) {
                events.add(new FleetEvent(Level.INFO, now.id(), name(now) + " joined the fleet (" + now.health().label() + ")"));
                continue;
            }
            health(then, now, events);
            volume(then, now, events);
            attachments(then, now, events);
        }
        was.values().forEach(gone -> events.add(new FleetEvent(Level.INFO, gone.id(), name(gone) + " left the fleet")));
        return events;
    }

    private static void health(FleetInstance then, FleetInstance now, List<FleetEvent> events) {
        if (then.health() == now.health()) {
            return;
        }
        if (now.health() == Health.UNREACHABLE || now.health() == Health.UNHEALTHY) {
            String why = now.healthDetail() != null ? now.healthDetail() : now.nodeError();
            events.add(new FleetEvent(Level.PROBLEM, now.id(), name(now) + " is down (" + now.health().label() + ")"
                    + (why == null || why.isBlank() ? "" : ": " + why)));
        } else if (now.health() == Health.HEALTHY) {
            events.add(new FleetEvent(Level.RECOVERY, now.id(), name(now) + " is healthy again"));
        }
    }

    private static void volume(FleetInstance then, FleetInstance now, List<FleetEvent> events) {
        NodeSummary.VolumeUsage a = then.node() == null ? null : then.node().dataVolume();
        NodeSummary.VolumeUsage b = now.node() == null ? null : now.node().dataVolume();
        if (a != null && b != null && b.sizeGb() > a.sizeGb() + 0.001) {
            events.add(new FleetEvent(Level.INFO, now.id(), String.format(Locale.ROOT,
                    "The data volume of %s expanded from %s GB to %s GB", now.id(), gb(a.sizeGb()), gb(b.sizeGb()))));
        }
    }

    private static void attachments(FleetInstance then, FleetInstance now, List<FleetEvent> events) {
        if (now.node() == null) {
            return;
        }
        Map<String, String> phaseBefore = new HashMap<>();
        if (then.node() != null) {
            then.node().attachments().forEach(a -> phaseBefore.put(a.repository(), a.phase()));
        }
        for (NodeSummary.Attachment a : now.node().attachments()) {
            if ("failed".equals(a.phase()) && !"failed".equals(phaseBefore.get(a.repository()))) {
                events.add(new FleetEvent(Level.PROBLEM, now.id(), "Attaching " + a.repository()
                        + (a.version() == null ? "" : " " + a.version()) + " on " + now.id() + " failed"
                        + (a.error() == null ? "" : ": " + a.error())));
            }
        }
    }

    private static String name(FleetInstance i) {
        return i.role() == null ? i.id() : i.id() + " (" + i.role().wireName().replace('_', ' ') + ")";
    }

    private static String gb(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
