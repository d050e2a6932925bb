package dev.graphfleet.security;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The AWS operations the engine's adapters call, read from their byte code: every call to a method of
 * an SDK v2 service client ({@code software.amazon.awssdk.services.*.*Client}), turned into the IAM
 * action it needs ({@code describeVolumesPaginator} is {@code ec2:DescribeVolumes}; S3's calls map to
 * S3's own action names).
 */
final class SdkOperations {

    /** The adapter packages: every SDK call of the engine is in one of these (ArchitectureTest keeps it so). */
    static final JavaClasses ENGINE = importAdapters();

    /** Client methods that are no AWS operation. */
    private static final Set<String> NOT_OPERATIONS = Set.of("builder", "create", "close", "serviceName",
            "serviceClientConfiguration", "utilities", "waiter");

    /** IAM service prefixes of the SDK client interfaces. */
    private static final Map<String, String> PREFIXES = Map.of(
            "S3Client", "s3", "Ec2Client", "ec2", "DynamoDbClient", "dynamodb", "AutoScalingClient", "autoscaling",
            "ElasticLoadBalancingV2Client", "elasticloadbalancing", "CloudWatchClient", "cloudwatch",
            "SsmClient", "ssm", "SnsClient", "sns");

    /** S3 operations whose IAM action has another name (multipart uploads are s3:PutObject). */
    private static final Map<String, String> S3_ACTIONS = Map.of(
            "getObject", "s3:GetObject", "headObject", "s3:GetObject", "listObjectsV2", "s3:ListBucket",
            "listObjectsV2Paginator", "s3:ListBucket", "putObject", "s3:PutObject",
            "createMultipartUpload", "s3:PutObject", "uploadPart", "s3:PutObject", "completeMultipartUpload", "s3:PutObject",
            "abortMultipartUpload", "s3:AbortMultipartUpload");

    private SdkOperations() {
    }

    /** Reads our classes only: the SDK's own classes are named by the calls and need no import (seconds, not a minute). */
    private static JavaClasses importAdapters() {
        var config = com.tngtech.archunit.ArchConfiguration.get();
        boolean resolve = config.resolveMissingDependenciesFromClassPath();
        config.setResolveMissingDependenciesFromClassPath(false);
        try {
            // the testing module's fakes call the SDK too (creating buckets and tables), but they do not ship
            return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .withImportOption(location -> !location.contains("/dev/graphfleet/testing/"))
                    .importPackages("dev.graphfleet");
        } finally {
            config.setResolveMissingDependenciesFromClassPath(resolve);
        }
    }

    /** The IAM actions called from code of the classes (and their nested classes) that {@code from} accepts. */
    static Set<String> calledFrom(Predicate<JavaMethodCall> from) {
        Set<String> actions = new TreeSet<>();
        for (JavaClass type : ENGINE) {
            for (JavaMethodCall call : type.getMethodCallsFromSelf()) {
                String client = call.getTargetOwner().getSimpleName();
                String prefix = PREFIXES.get(client);
                if (prefix == null || !call.getTargetOwner().getPackageName().startsWith("software.amazon.awssdk.services.")
                        || NOT_OPERATIONS.contains(call.getName()) || !from.test(call)) {
                    continue;
                }
                actions.add(action(prefix, call.getName()));
            }
        }
        return actions;
    }

    static Predicate<JavaMethodCall> inClasses(String... names) {
        Set<String> wanted = Set.of(names);
        return call -> {
            JavaClass owner = call.getOriginOwner();
            while (owner.getEnclosingClass().isPresent()) {
                owner = owner.getEnclosingClass().get();
            }
            return wanted.contains(owner.getName());
        };
    }

    static Predicate<JavaMethodCall> inMethods(String className, String... methods) {
        Set<String> wanted = Set.of(methods);
        return call -> call.getOriginOwner().getName().startsWith(className) && wanted.stream()
                .anyMatch(m -> call.getOrigin().getName().equals(m) || call.getOrigin().getName().startsWith("lambda$" + m + "$"));
    }

    private static String action(String prefix, String method) {
        if (prefix.equals("s3")) {
            String action = S3_ACTIONS.get(method);
            if (action == null) {
                throw new IllegalStateException("no IAM action known for S3Client." + method + ": add it to S3_ACTIONS");
            }
            return action;
        }
        String operation = method.endsWith("Paginator") ? method.substring(0, method.length() - "Paginator".length()) : method;
        return prefix + ":" + Character.toUpperCase(operation.charAt(0)) + operation.substring(1);
    }
}
