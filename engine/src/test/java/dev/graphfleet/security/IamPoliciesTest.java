package dev.graphfleet.security;

import static dev.graphfleet.security.SdkOperations.calledFrom;
import static dev.graphfleet.security.SdkOperations.inClasses;
import static dev.graphfleet.security.SdkOperations.inMethods;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The IAM policies in packaging/iam/ grant each role exactly the AWS operations its adapters call
 * (read from the byte code, so a new SDK call without a policy change fails here), nothing with a
 * wildcard action, {@code "*"} resources only for actions that have no resource-level permissions,
 * and the node's registry writes only on its own record.
 */
class IamPoliciesTest {

    static final Path IAM = Path.of("..", "packaging", "iam");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String EC2_INVENTORY = "dev.graphfleet.fleet.aws.Ec2Inventory";

    /** The node registers itself at boot (its bootstrap, not engine code): its own record only. */
    private static final Set<String> NODE_REGISTRATION = Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem");

    /** Actions IAM authorizes only on "*" (no resource-level permissions). */
    private static final Set<String> NO_RESOURCE_LEVEL = Set.of("ec2:DescribeInstances", "ec2:DescribeVolumes",
            "ec2:DescribeVolumesModifications", "ec2:DescribeSnapshots", "autoscaling:DescribeAutoScalingGroups",
            "autoscaling:DescribeInstanceRefreshes", "elasticloadbalancing:DescribeTargetHealth",
            "cloudwatch:GetMetricData", "cloudwatch:ListMetrics", "cloudwatch:PutMetricData", "ssm:GetCommandInvocation",
            "ec2:DescribeLaunchTemplates", "ec2:DescribeLaunchTemplateVersions");

    /**
     * Checked by AWS on the operator's behalf though no SDK call of ours names them: tags given at
     * snapshot creation, and launching from the template the group is pointed at (with its instance role).
     */
    private static final Set<String> OPERATOR_IMPLIED = Set.of("ec2:CreateTags", "ec2:RunInstances", "iam:PassRole");

    /** Each role's policy file and the operations its code calls. */
    private static Map<String, Set<String>> roles() {
        Set<String> node = new TreeSet<>(calledFrom(inMethods("dev.graphfleet.repo.s3.S3RepositoryStore",
                "listObjects", "readSmall", "sizeOf", "openObjectRange")));
        node.addAll(NODE_REGISTRATION);
        Set<String> monitor = new TreeSet<>(calledFrom(call -> call.getOriginOwner().getPackageName()
                .equals("dev.graphfleet.volume.aws")));
        monitor.addAll(calledFrom(inMethods(EC2_INVENTORY, "instances"))); // its instance discovery
        Set<String> console = calledFrom(inClasses(EC2_INVENTORY, "dev.graphfleet.fleet.aws.AutoScalingInventory",
                "dev.graphfleet.fleet.aws.TargetHealthReader", "dev.graphfleet.fleet.aws.DynamoInstanceRegistry"));
        Set<String> publisher = calledFrom(inClasses("dev.graphfleet.repo.s3.S3RepositoryStore"));
        Set<String> operator = new TreeSet<>(calledFrom(inClasses(EC2_INVENTORY,
                "dev.graphfleet.fleet.aws.AutoScalingInventory", "dev.graphfleet.fleet.aws.TargetHealthReader",
                "dev.graphfleet.fleet.aws.Ec2Snapshots", "dev.graphfleet.fleet.aws.LaunchTemplates",
                "dev.graphfleet.fleet.aws.AutoScalingActions")));
        operator.addAll(OPERATOR_IMPLIED);
        return Map.of("node.json", node, "volume-monitor.json", monitor, "console-readonly.json", console,
                "publisher.json", publisher, "fleet-operator.json", operator);
    }

    @Test
    void eachRoleGetsExactlyTheOperationsItsAdaptersCall() throws IOException {
        Map<String, Set<String>> roles = roles();
        // The operations the code reads from are not empty (the byte-code scan works) and match what we know.
        assertThat(roles.get("node.json")).contains("s3:GetObject", "s3:ListBucket").doesNotContain("s3:PutObject");
        assertThat(roles.get("volume-monitor.json")).contains("ec2:ModifyVolume", "ssm:SendCommand", "sns:Publish",
                "ec2:DescribeInstances");
        assertThat(roles.get("console-readonly.json")).contains("dynamodb:Scan")
                .allSatisfy(action -> assertThat(action).matches(".*:(Describe|Scan|Get|List).*"));
        for (var role : roles.entrySet()) {
            assertThat(actions(policy(role.getKey()))).as(role.getKey()).isEqualTo(role.getValue());
        }
        // Every SDK call of the engine is covered by some role.
        Set<String> granted = new TreeSet<>();
        roles.values().forEach(granted::addAll);
        assertThat(granted).containsAll(calledFrom(call -> true));
    }

    @Test
    void noWildcardActionsAndStarResourcesOnlyWhereIamAllowsNothingElse() throws IOException {
        for (String file : roles().keySet()) {
            JsonNode policy = policy(file);
            assertThat(policy.get("Version").asText()).as(file).isEqualTo("2012-10-17");
            for (JsonNode statement : policy.get("Statement")) {
                String sid = file + "#" + statement.path("Sid").asText();
                assertThat(statement.get("Effect").asText()).as(sid).isEqualTo("Allow");
                assertThat(statement.has("NotAction") || statement.has("NotResource")).as(sid).isFalse();
                List<String> actions = texts(statement.get("Action"));
                assertThat(actions).as(sid).allSatisfy(a -> assertThat(a).doesNotContain("*").matches("[a-z0-9-]+:[A-Za-z0-9]+"));
                List<String> resources = texts(statement.get("Resource"));
                if (resources.contains("*")) {
                    assertThat(resources).as(sid).containsExactly("*");
                    assertThat(NO_RESOURCE_LEVEL).as(sid + ": \"*\" only for actions without resource-level permissions")
                            .containsAll(actions);
                } else {
                    assertThat(resources).as(sid).allSatisfy(r -> assertThat(r).startsWith("arn:aws:"));
                }
            }
        }
    }

    @Test
    void theNodeWritesOnlyItsOwnRegistryRecord() throws IOException {
        for (JsonNode statement : policy("node.json").get("Statement")) {
            if (texts(statement.get("Action")).stream().noneMatch(a -> a.startsWith("dynamodb:"))) {
                continue;
            }
            JsonNode condition = statement.get("Condition");
            assertThat(condition).as("a registry statement without a condition").isNotNull();
            assertThat(texts(condition.path("ForAllValues:StringEquals").get("dynamodb:LeadingKeys")))
                    .containsExactly("${ec2:SourceInstanceARN}");
            // ForAllValues is true on an empty set: the key must also be present.
            assertThat(condition.path("Null").path("dynamodb:LeadingKeys").asText()).isEqualTo("false");
            assertThat(texts(statement.get("Resource"))).allSatisfy(r -> assertThat(r).endsWith(":table/INSTANCE_TABLE"));
            assertThat(texts(statement.get("Action"))).doesNotContain("dynamodb:Scan", "dynamodb:DeleteItem", "dynamodb:Query");
        }
    }

    @Test
    void theReadmeExplainsEveryPlaceholderAndRole() throws IOException {
        String readme = Files.readString(IAM.resolve("README.md"));
        Pattern placeholder = Pattern.compile("\\b[A-Z][A-Z0-9_]{3,}\\b");
        for (String file : roles().keySet()) {
            assertThat(readme).contains("`" + file + "`");
            Matcher m = placeholder.matcher(Files.readString(IAM.resolve(file)));
            while (m.find()) {
                assertThat(readme).as(file).contains("`" + m.group() + "`");
            }
        }
    }

    private static JsonNode policy(String file) throws IOException {
        return JSON.readTree(IAM.resolve(file).toFile());
    }

    private static Set<String> actions(JsonNode policy) {
        Set<String> actions = new TreeSet<>();
        policy.get("Statement").forEach(s -> actions.addAll(texts(s.get("Action"))));
        return actions;
    }

    private static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else {
            out.add(node.asText());
        }
        return out;
    }
}
