package dev.graphfleet.console.viewmodel;

import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.Health;

/** Why a view has no figures for an instance, in a few words. */
final class Unavailable {

    private Unavailable() {
    }

    static String why(FleetInstance instance, String section) {
        if (instance.health() == Health.UNREACHABLE) {
            return "unreachable" + (instance.healthDetail() == null ? "" : ": " + instance.healthDetail());
        }
        if (instance.nodeError() != null) {
            return instance.nodeError();
        }
        return instance.node() == null ? "no metrics from this instance" : "the node sent no " + section + " figures";
    }
}
