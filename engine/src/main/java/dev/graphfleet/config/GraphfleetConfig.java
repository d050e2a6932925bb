package dev.graphfleet.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The fleet config: one YAML file with the environment, tiers, replica groups, this node, volume
 * settings and registry tables. Load with {@link #load(Path)} or {@link #parse(String)} (strict:
 * unknown keys and wrong types are errors), then check with {@link ConfigValidator}.
 * Sections left out take their defaults; {@code node} is null when the file has none.
 */
public record GraphfleetConfig(
        String environment,
        Map<String, TierConfig> tiers,
        Map<String, ReplicaGroupConfig> replicas,
        NodeConfig node,
        VolumesConfig volumes,
        RegistryConfig registry) {

    /** The environment that runs on one machine: no registry, no AWS. */
    public static final String LOCAL = "local";

    public GraphfleetConfig {
        tiers = ConfigMaps.copy(tiers);
        replicas = ConfigMaps.copy(replicas);
        volumes = volumes == null ? VolumesConfig.DEFAULTS : volumes;
        registry = registry == null ? RegistryConfig.NONE : registry;
    }

    /** Reads and parses a config file. Throws {@link ConfigException} naming the file, key path and line. */
    public static GraphfleetConfig load(Path file) {
        return ConfigLoader.load(file);
    }

    /** Parses config text; {@code source} names it in messages. */
    public static GraphfleetConfig parse(String yaml, String source) {
        return ConfigLoader.parse(yaml, source);
    }

    public static GraphfleetConfig parse(String yaml) {
        return parse(yaml, "config");
    }

    @JsonIgnore
    /** The same config with the node listening on another port (e.g. 0 for a free one). */
    public GraphfleetConfig withNodePort(int port) {
        NodeConfig n = requireNode();
        ApiConfig api = n.api().withPort(port);
        return new GraphfleetConfig(environment, tiers, replicas, new NodeConfig(n.id(), n.type(), n.tier(),
                n.replicaGroup(), n.dataDir(), api, n.store(), n.pool(), n.metrics(), n.admission(), n.attach(),
                n.staleness(), n.memory(), n.shared()),
                volumes, registry);
    }

    public boolean isLocal() {
        return LOCAL.equals(environment);
    }

    /** The tier {@code name}; throws with the nearest tier name when there is none. */
    public TierConfig tier(String name) {
        TierConfig tier = tiers.get(name);
        if (tier == null) {
            throw new IllegalArgumentException("no tier " + Names.quote(name) + " in tiers"
                    + Suggestions.nearest(name, tiers.keySet()).map(s -> " (did you mean " + s + "?)").orElse("")
                    + "; tiers: " + String.join(", ", tiers.keySet()));
        }
        return tier;
    }

    /** The replica group {@code name}; throws with the nearest group name when there is none. */
    public ReplicaGroupConfig replicaGroup(String name) {
        ReplicaGroupConfig group = replicas.get(name);
        if (group == null) {
            throw new IllegalArgumentException("no replica group " + Names.quote(name) + " in replicas"
                    + Suggestions.nearest(name, replicas.keySet()).map(s -> " (did you mean " + s + "?)").orElse("")
                    + "; groups: " + String.join(", ", replicas.keySet()));
        }
        return group;
    }

    /** A replica group's instance: its tier's instance with the group's {@code instance} overrides applied. */
    public InstanceConfig effectiveInstance(String group) {
        ReplicaGroupConfig replica = replicaGroup(group);
        InstanceConfig base = replica.tier() != null && tiers.containsKey(replica.tier())
                ? tiers.get(replica.tier()).instance()
                : InstanceConfig.DEFAULTS;
        return base.overriddenBy(replica.instance());
    }

    /** The {@code node} section; throws a clear error when the file has none. */
    public NodeConfig requireNode() {
        if (node == null) {
            throw new ConfigException("config", Problem.error("node", "missing: this command runs a node",
                    "add a node section with id, type, tier and data_dir (see docs/config.md)"));
        }
        return node;
    }

    /** The node's tier name: {@code node.tier}, else its replica group's tier. */
    public String nodeTierName() {
        NodeConfig n = requireNode();
        if (n.tier() != null) {
            return n.tier();
        }
        return n.replicaGroup() == null ? null : replicaGroup(n.replicaGroup()).tier();
    }

    public TierConfig nodeTier() {
        String name = nodeTierName();
        if (name == null) {
            throw new ConfigException("config", Problem.error("node.tier", "missing",
                    "set node.tier to one of: " + String.join(", ", tiers.keySet())));
        }
        return tier(name);
    }

    /**
     * The instance settings this node runs with: its replica group's effective instance when
     * {@code node.replica_group} is set, else its tier's. Pools size buffer pools from this.
     */
    public InstanceConfig nodeInstance() {
        NodeConfig n = requireNode();
        return n.replicaGroup() != null ? effectiveInstance(n.replicaGroup()) : nodeTier().instance();
    }

    /** The shared repositories this node serves (empty for a writer's tier). */
    public List<String> nodeRepositories() {
        return nodeTier().sharedRepositories();
    }
}
