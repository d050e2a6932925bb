package dev.graphfleet.volume.monitor;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a finished run is told: SNS alerts, CloudWatch metrics. A sink never fails the run: as in the original,
 * a publication that fails is logged and the report stands.
 */
@FunctionalInterface
public interface MonitorSink {

    void publish(MonitorReport report) throws Exception;

    /** Tells nobody. */
    static MonitorSink none() {
        return report -> { };
    }

    /** Tells each sink in turn; one failing does not stop the others. */
    static MonitorSink all(List<MonitorSink> sinks) {
        List<MonitorSink> copy = List.copyOf(sinks);
        Logger log = LoggerFactory.getLogger(MonitorSink.class);
        return report -> {
            for (MonitorSink sink : copy) {
                try {
                    sink.publish(report);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    log.warn("publishing the volume monitor's report failed (the run's results stand): {}",
                            e.toString());
                }
            }
        };
    }
}
