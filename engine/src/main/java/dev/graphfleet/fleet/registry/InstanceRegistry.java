package dev.graphfleet.fleet.registry;

import java.util.List;

/**
 * The instance registry: instances register themselves (id, type, address, status) so routing and
 * snapshot jobs can find them. Its table is named in config ({@code registry.instance_table}),
 * never hard-coded: the original's replicas and writers disagreed on the name.
 */
public interface InstanceRegistry {

    /** Every registered instance (all pages); throws when the registry cannot be read. */
    List<RegisteredInstance> list();

    /** The table or file it reads, for messages. */
    String name();
}
