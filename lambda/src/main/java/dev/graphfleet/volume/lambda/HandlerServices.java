package dev.graphfleet.volume.lambda;

import dev.graphfleet.volume.alert.AlertComposer;
import dev.graphfleet.volume.alert.AlertMessage;
import dev.graphfleet.volume.monitor.InstanceSource;
import dev.graphfleet.volume.monitor.VolumeMonitor;
import dev.graphfleet.volume.ops.VolumeOperations;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What the handler works with: built once per Lambda container from the environment
 * ({@link LambdaServices}), or by a test from loopback parts.
 *
 * @param monitor    the monitor, with its alert and metrics sinks
 * @param fleet      the running fleet instances
 * @param operations expand one volume, grow one filesystem, fix stuck volumes
 * @param composer   composes the fix-stuck report
 * @param alerts     sends messages (SNS); a no-op without a topic
 */
public record HandlerServices(VolumeMonitor monitor, InstanceSource fleet, VolumeOperations operations,
                              AlertComposer composer, Consumer<List<AlertMessage>> alerts) {
    public HandlerServices {
        Objects.requireNonNull(monitor, "monitor");
        Objects.requireNonNull(fleet, "fleet");
        Objects.requireNonNull(operations, "operations");
        Objects.requireNonNull(composer, "composer");
        Objects.requireNonNull(alerts, "alerts");
    }
}
