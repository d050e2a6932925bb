package dev.graphfleet.fleet.aws;

import dev.graphfleet.fleet.registry.InstanceRegistry;
import dev.graphfleet.fleet.registry.RegisteredInstance;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The instance registry in DynamoDB: one item per instance, key {@code instance_id}. The table is
 * the config's {@code registry.instance_table}. Reads every page (the original read only the first
 * 1 MB). Read-only: instances register themselves, keyed by their id or their ARN.
 */
public final class DynamoInstanceRegistry implements InstanceRegistry {

    public static final String KEY = "instance_id";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoInstanceRegistry(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        if (table == null || table.isBlank()) {
            throw new IllegalArgumentException("the instance registry needs a table: set registry.instance_table"
                    + " in the config, e.g. graphfleet-prod-instance-registry");
        }
        this.table = table;
    }

    @Override
    public String name() {
        return table;
    }

    @Override
    public List<RegisteredInstance> list() {
        List<RegisteredInstance> rows = new ArrayList<>();
        dynamo.scanPaginator(ScanRequest.builder().tableName(table).consistentRead(true).build()).items()
                .forEach(item -> {
                    String id = instanceId(text(item, KEY));
                    if (id != null) {
                        rows.add(new RegisteredInstance(id, text(item, "node_type"), text(item, "status"),
                                text(item, "private_ip"), first(text(item, "tier"), text(item, "cluster_tier")),
                                text(item, "environment"),
                                instant(first(text(item, "registered_at"), text(item, "created_at")))));
                    }
                });
        return rows;
    }

    /**
     * A record keyed by the instance's ARN (what IAM can limit a node's writes to: see
     * packaging/iam/README.md) is the instance whose id ends the ARN.
     */
    static String instanceId(String key) {
        int at = key == null ? -1 : key.lastIndexOf(":instance/");
        return key != null && key.startsWith("arn:") && at > 0 ? key.substring(at + ":instance/".length()) : key;
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        if (v == null) {
            return null;
        }
        return v.s() != null ? v.s() : v.n();
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return Instant.ofEpochSecond(Long.parseLong(text));
            } catch (NumberFormatException notEpoch) {
                return null;
            }
        }
    }
}
