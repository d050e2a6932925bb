package dev.graphfleet.config;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a loaded config before anything is deployed or started: memory that does not fit the
 * instance, scaling bounds, unknown instance types and tiers, hair-trigger health checks, bad
 * repository names, missing registry tables, node type against tier. Every problem names its key
 * path and the fix; errors make a config unusable, warnings are worth a look.
 */
public final class ConfigValidator {

    private static final Pattern ENVIRONMENT = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Pattern TIER_OR_GROUP = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    /** DynamoDB's rule for table names. */
    private static final Pattern TABLE = Pattern.compile("[A-Za-z0-9_.-]{3,255}");

    private final InstanceTypes catalog;

    public ConfigValidator() {
        this(InstanceTypes.builtIn());
    }

    public ConfigValidator(InstanceTypes catalog) {
        this.catalog = catalog;
    }

    /** Every problem in {@code config}, errors and warnings, in the order of the file's sections. */
    public List<Problem> validate(GraphfleetConfig config) {
        Findings out = new Findings();
        checkEnvironment(config.environment(), out);
        InstanceRules instances = new InstanceRules(catalog, !config.isLocal());
        config.tiers().forEach((name, tier) -> checkTier(name, tier, instances, out));
        config.replicas().forEach((name, group) -> checkReplicaGroup(config, name, group, instances, out));
        if (config.node() != null) {
            NodeRules.check(config, out);
        }
        VolumeRules.check(config.volumes(), out);
        checkRegistry(config, out);
        return out.problems();
    }

    /** {@link #validate} with the built-in instance types. */
    public static List<Problem> check(GraphfleetConfig config) {
        return new ConfigValidator().validate(config);
    }

    /**
     * For a command about to use the config: throws {@link ConfigException} listing every problem
     * when there is an error, else returns the warnings.
     */
    public static List<Problem> requireValid(GraphfleetConfig config, String source) {
        List<Problem> problems = check(config);
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new ConfigException(source, problems);
        }
        return problems;
    }

    private static void checkEnvironment(String environment, Findings out) {
        if (environment == null || environment.isBlank()) {
            out.error("environment", "missing",
                    "set environment: local for one machine, or the deployment's name, e.g. prod");
        } else if (!ENVIRONMENT.matcher(environment).matches()) {
            out.error("environment", Names.quote(environment) + " is not a valid environment name",
                    "use up to 32 lowercase letters, digits or '-', starting with a letter, e.g. prod");
        }
    }

    private static void checkTier(String name, TierConfig tier, InstanceRules instances, Findings out) {
        String prefix = "tiers." + name;
        checkSectionName(prefix, "tier", name, out);
        instances.check(prefix + ".instance", tier.instance(), null, null, out);
        InstanceRules.checkOversubscription(prefix + ".instance", tier, out);
        Set<String> seen = new HashSet<>();
        List<String> repositories = tier.sharedRepositories();
        for (int i = 0; i < repositories.size(); i++) {
            String repository = repositories.get(i);
            String path = prefix + ".shared_repositories[" + i + "]";
            if (!Names.isValid(repository)) {
                out.error(path, Names.quote(repository) + " is not a valid repository name", "use " + Names.RULE);
            } else if (!seen.add(repository)) {
                out.error(path, "repository " + repository + " is listed twice", "remove the second " + repository);
            }
        }
    }

    private static void checkReplicaGroup(GraphfleetConfig config, String name, ReplicaGroupConfig group,
            InstanceRules instances, Findings out) {
        String prefix = "replicas." + name;
        checkSectionName(prefix, "replica group", name, out);
        TierConfig tier = null;
        if (group.tier() == null) {
            out.error(prefix + ".tier", "missing: a replica group replicates a tier",
                    "set it to one of: " + String.join(", ", config.tiers().keySet()));
        } else {
            tier = config.tiers().get(group.tier());
            if (tier == null) {
                out.error(prefix + ".tier", "unknown tier " + Names.quote(group.tier()),
                        choose("tiers", group.tier(), config.tiers().keySet()));
            } else if (!tier.isShared()) {
                out.warning(prefix + ".tier", "tier " + group.tier() + " has no shared_repositories;"
                        + " replicas serve the shared repositories of a shared master",
                        "point tier at a tier with shared_repositories");
            }
        }
        String inheritedFrom = tier == null ? null : "tiers." + group.tier() + ".instance";
        instances.check(prefix + ".instance", config.effectiveInstance(name), group.instance(), inheritedFrom, out);
        ReplicaRules.checkScaling(prefix + ".scaling", group.scaling(), out);
        ReplicaRules.checkHealthCheck(prefix + ".health_check", group.healthCheck(), out);
        ReplicaRules.checkSnapshot(prefix + ".snapshot", group.snapshot(), tier, group.tier(), out);
    }

    private static void checkSectionName(String path, String what, String name, Findings out) {
        if (!TIER_OR_GROUP.matcher(name).matches()) {
            out.error(path, Names.quote(name) + " is not a valid " + what + " name",
                    "use up to 63 lowercase letters, digits or '-', starting with a letter");
        }
    }

    /** Outside {@code local} the fleet keeps its instances and volumes in DynamoDB tables named here. */
    private static void checkRegistry(GraphfleetConfig config, Findings out) {
        RegistryConfig registry = config.registry();
        if (config.isLocal()) {
            return;
        }
        String env = config.environment() == null ? "<environment>" : config.environment();
        checkTable("registry.instance_table", registry.instanceTable(), env,
                "graphfleet-" + env + "-instance-registry", out);
        checkTable("registry.volume_table", registry.volumeTable(), env,
                "graphfleet-" + env + "-volume-registry", out);
        if (registry.instanceTable() != null && registry.instanceTable().equals(registry.volumeTable())) {
            out.error("registry.volume_table", "is the same table as registry.instance_table",
                    "give the volume registry its own table, e.g. graphfleet-" + env + "-volume-registry");
        }
    }

    private static void checkTable(String path, String table, String env, String example, Findings out) {
        if (table == null || table.isBlank()) {
            out.error(path, "missing: the " + env + " environment keeps its registry in DynamoDB",
                    "set " + path + " to the table's name, e.g. " + example);
        } else if (!TABLE.matcher(table).matches()) {
            out.error(path, Names.quote(table) + " is not a valid DynamoDB table name",
                    "use 3 to 255 letters, digits, '_', '-' or '.', e.g. " + example);
        }
    }

    /** "did you mean X?", or the names there are to choose from. */
    static String choose(String section, String name, Collection<String> names) {
        if (names.isEmpty()) {
            return "define it under " + section;
        }
        return Suggestions.nearest(name, names).map(s -> "did you mean " + s + "? ").orElse("")
                + section + ": " + String.join(", ", names);
    }
}
