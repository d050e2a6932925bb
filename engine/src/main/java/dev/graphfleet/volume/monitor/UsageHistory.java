package dev.graphfleet.volume.monitor;

import dev.graphfleet.volume.UsageSample;
import java.util.List;

/** Recent used-GB samples per instance, for the growth forecast. */
public interface UsageHistory {

    void record(String instanceId, UsageSample sample);

    /** The samples kept for the instance, oldest first. */
    List<UsageSample> samples(String instanceId);
}
