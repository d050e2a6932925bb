package dev.graphfleet.config;

/**
 * DynamoDB tables of the instance and volume registries. Required outside the {@code local}
 * environment; never hard-coded (the original's replicas and writers disagreed on the name).
 */
public record RegistryConfig(String instanceTable, String volumeTable) {

    public static final RegistryConfig NONE = new RegistryConfig(null, null);
}
