package dev.graphfleet.volume.aws;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The SDK clients of the volume tools, all with one region, profile and (for tests) endpoint. Credentials come
 * from the SDK's default chain (with the profile when one is given); we never read or hold them.
 *
 * @param region   null: the SDK's region chain (AWS_REGION in a Lambda)
 * @param profile  null: the default profile
 * @param endpoint null: the services' own endpoints
 */
public record VolumeClients(String region, String profile, URI endpoint) {

    static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);

    public static VolumeClients create(String region, String profile, URI endpoint) {
        if (region != null && !region.matches("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}")) {
            throw new IllegalArgumentException("invalid AWS region '" + region + "': use a region code such as "
                    + "us-east-1");
        }
        if (profile != null && !profile.matches("[A-Za-z0-9_.+@-]{1,64}")) {
            throw new IllegalArgumentException("invalid AWS profile name: use letters, digits, '_', '-', '.'");
        }
        return new VolumeClients(region, profile, endpoint);
    }

    public Ec2Client ec2() {
        return configure(Ec2Client.builder()).build();
    }

    public SsmClient ssm() {
        return configure(SsmClient.builder()).build();
    }

    public DynamoDbClient dynamoDb() {
        return configure(DynamoDbClient.builder()).build();
    }

    public CloudWatchClient cloudWatch() {
        return configure(CloudWatchClient.builder()).build();
    }

    public SnsClient sns() {
        return configure(SnsClient.builder()).build();
    }

    /** The given region, else the SDK's chain (AWS_REGION, the profile's region); a test endpoint signs as us-east-1. */
    public String resolvedRegion() {
        return signingRegion().id();
    }

    private Region signingRegion() {
        if (region != null) {
            return Region.of(region);
        }
        if (endpoint != null) {
            return Region.US_EAST_1;
        }
        DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
        if (profile != null) {
            chain.profileName(profile);
        }
        try {
            return chain.build().getRegion();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("no AWS region is set: pass --region (e.g. us-east-1), set AWS_REGION, "
                    + "or give the profile a region");
        }
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder) {
        AwsCredentialsProvider credentials = profile == null ? DefaultCredentialsProvider.builder().build()
                : DefaultCredentialsProvider.builder().profileName(profile).build();
        builder.credentialsProvider(credentials);
        builder.region(signingRegion());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        builder.overrideConfiguration(ClientOverrideConfiguration.builder()
                .apiCallTimeout(CALL_TIMEOUT).apiCallAttemptTimeout(ATTEMPT_TIMEOUT).build());
        builder.httpClientBuilder(Apache5HttpClient.builder().connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(ATTEMPT_TIMEOUT));
        return builder;
    }
}
