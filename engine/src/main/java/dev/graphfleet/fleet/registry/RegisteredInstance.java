package dev.graphfleet.fleet.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of the instance registry: what an instance said about itself when it registered.
 *
 * @param nodeType     writer, shared_master or shared_replica as registered (text: the registry may hold others)
 * @param status       e.g. {@code healthy}, {@code registering}, {@code terminated}; null when absent
 * @param registeredAt when it registered, or null
 */
public record RegisteredInstance(String instanceId, String nodeType, String status, String privateIp, String tier,
                                 String environment, Instant registeredAt) {

    public RegisteredInstance {
        Objects.requireNonNull(instanceId, "instanceId");
    }

    /** Claims to be alive: any status but terminated/deregistered/stopped. */
    public boolean claimsActive() {
        return status == null || !(status.equalsIgnoreCase("terminated") || status.equalsIgnoreCase("deregistered")
                || status.equalsIgnoreCase("stopped"));
    }
}
