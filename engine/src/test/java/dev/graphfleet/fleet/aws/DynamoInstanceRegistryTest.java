package dev.graphfleet.fleet.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphfleet.fleet.registry.RegisteredInstance;
import dev.graphfleet.testing.DynamoDbLocal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** The instance registry on DynamoDB Local: rows as instances write them, every page, the table from config. */
class DynamoInstanceRegistryTest {

    private static DynamoDbClient dynamo;

    @BeforeAll
    static void start() {
        dynamo = DynamoDbLocal.get().client();
    }

    @AfterAll
    static void stop() {
        dynamo.close();
    }

    static void register(DynamoDbClient dynamo, String table, String id, String type, String status, String ip,
                         Map<String, AttributeValue> extra) {
        Map<String, AttributeValue> item = new HashMap<>(extra);
        item.put("instance_id", AttributeValue.fromS(id));
        item.put("node_type", AttributeValue.fromS(type));
        item.put("status", AttributeValue.fromS(status));
        item.put("private_ip", AttributeValue.fromS(ip));
        item.put("environment", AttributeValue.fromS("prod"));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Test
    void readsEveryRowWithTheFieldsInstancesWrite() throws Exception {
        String table = DynamoDbLocal.get().createTable(dynamo, "instance-registry", "instance_id");
        register(dynamo, table, "i-w1", "writer", "healthy", "10.0.1.5", Map.of(
                "cluster_tier", AttributeValue.fromS("ladybug-standard"),
                "created_at", AttributeValue.fromS("2026-11-01T06:00:00Z"),
                "database_count", AttributeValue.fromN("4")));
        // Keyed by its ARN, as a node whose role may write only its own record registers (packaging/iam).
        register(dynamo, table, "arn:aws:ec2:us-east-1:123456789012:instance/i-r1", "shared_replica", "terminated", "10.0.2.7", Map.of(
                "tier", AttributeValue.fromS("ladybug-shared"),
                "registered_at", AttributeValue.fromN("1763964000")));

        List<RegisteredInstance> rows = new DynamoInstanceRegistry(dynamo, table).list();

        assertThat(rows).containsExactlyInAnyOrder(
                new RegisteredInstance("i-w1", "writer", "healthy", "10.0.1.5", "ladybug-standard", "prod",
                        Instant.parse("2026-11-01T06:00:00Z")),
                new RegisteredInstance("i-r1", "shared_replica", "terminated", "10.0.2.7", "ladybug-shared", "prod",
                        Instant.ofEpochSecond(1763964000L)));
        assertThat(rows).filteredOn(RegisteredInstance::claimsActive).extracting(RegisteredInstance::instanceId)
                .containsExactly("i-w1");
    }

    @Test
    void readsPastTheFirstPage() throws Exception {
        String table = DynamoDbLocal.get().createTable(dynamo, "instance-registry", "instance_id");
        // 4 rows of ~350 KB: more than the 1 MB a single Scan page returns (the original stopped there)
        SdkBytes padding = SdkBytes.fromByteArray(new byte[350 * 1024]);
        for (int i = 0; i < 4; i++) {
            register(dynamo, table, "i-" + i, "writer", "healthy", "10.0.1." + i, Map.of("notes", AttributeValue.fromB(padding)));
        }

        assertThat(new DynamoInstanceRegistry(dynamo, table).list()).hasSize(4);
    }

    @Test
    void aTableThatDoesNotExistIsAClearFailureAndNoTableIsRefused() {
        DynamoInstanceRegistry registry = new DynamoInstanceRegistry(dynamo, "graphfleet-nowhere-instance-registry");
        assertThatThrownBy(registry::list).isInstanceOf(ResourceNotFoundException.class);
        assertThat(AwsErrors.describe("DynamoDB Scan of " + registry.name(), catchThrowable(registry::list)))
                .startsWith("DynamoDB Scan of graphfleet-nowhere-instance-registry failed: ResourceNotFoundException:");
        assertThatThrownBy(() -> new DynamoInstanceRegistry(dynamo, " "))
                .hasMessageContaining("registry.instance_table");
    }

    private static Throwable catchThrowable(Runnable r) {
        try {
            r.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }
}
