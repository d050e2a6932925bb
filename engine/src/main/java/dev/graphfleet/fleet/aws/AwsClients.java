package dev.graphfleet.fleet.aws;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/** Builds the SDK clients of one {@link AwsSettings}: same region, credentials chain and endpoint for all. */
final class AwsClients {

    /** Each API call (all its retries) must end within this: a status read never hangs. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(8);

    private AwsClients() {
    }

    static Ec2Client ec2(AwsSettings settings) {
        return configure(Ec2Client.builder(), settings).build();
    }

    static AutoScalingClient autoScaling(AwsSettings settings) {
        return configure(AutoScalingClient.builder(), settings).build();
    }

    static ElasticLoadBalancingV2Client elb(AwsSettings settings) {
        return configure(ElasticLoadBalancingV2Client.builder(), settings).build();
    }

    static DynamoDbClient dynamoDb(AwsSettings settings) {
        return configure(DynamoDbClient.builder(), settings).build();
    }

    private static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder,
                                                                                              AwsSettings settings) {
        builder.credentialsProvider(credentials(settings));
        builder.region(region(settings));
        settings.endpoint().ifPresent(builder::endpointOverride);
        builder.overrideConfiguration(ClientOverrideConfiguration.builder()
                .apiCallTimeout(CALL_TIMEOUT).apiCallAttemptTimeout(ATTEMPT_TIMEOUT).build());
        builder.httpClientBuilder(Apache5HttpClient.builder().connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(ATTEMPT_TIMEOUT));
        return builder;
    }

    private static AwsCredentialsProvider credentials(AwsSettings settings) {
        if (settings.credentials().isPresent()) {
            return settings.credentials().get();
        }
        DefaultCredentialsProvider.Builder chain = DefaultCredentialsProvider.builder();
        settings.profile().ifPresent(chain::profileName);
        return chain.build();
    }

    private static Region region(AwsSettings settings) {
        if (settings.region().isPresent()) {
            return Region.of(settings.region().get());
        }
        if (settings.endpoint().isPresent()) {
            return Region.US_EAST_1;
        }
        DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
        settings.profile().ifPresent(chain::profileName);
        try {
            return chain.build().getRegion();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("no AWS region is set: pass --region (e.g. us-east-1), set AWS_REGION,"
                    + " or give the profile a region");
        }
    }
}
