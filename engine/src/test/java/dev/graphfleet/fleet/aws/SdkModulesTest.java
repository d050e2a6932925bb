package dev.graphfleet.fleet.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/**
 * The Auto Scaling and ELBv2 modules are older (2.41.x) than the SDK core (2.54.15). With no endpoint
 * override, each client must still resolve its real regional endpoint and sign for its service:
 * the request is stopped just before it would leave, so nothing reaches the network.
 */
class SdkModulesTest {

    /** Records where a request would go, then stops it. */
    private static final class Stop implements ExecutionInterceptor {
        final AtomicReference<URI> uri = new AtomicReference<>();
        final AtomicReference<String> authorization = new AtomicReference<>();

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            uri.set(context.httpRequest().getUri());
            authorization.set(context.httpRequest().firstMatchingHeader("Authorization").orElse(""));
            throw new IllegalStateException("stopped before transmission");
        }
    }

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"));

    @Test
    void autoScalingResolvesItsRegionalEndpoint() {
        Stop stop = new Stop();
        try (AutoScalingClient client = AutoScalingClient.builder().region(Region.EU_WEST_1).credentialsProvider(CREDENTIALS)
                .overrideConfiguration(c -> c.addExecutionInterceptor(stop)).build()) {
            assertThatThrownBy(() -> new AutoScalingInventory(client).replicaGroups("prod", null))
                    .hasMessageContaining("stopped before transmission");
        }
        assertThat(stop.uri.get().getHost()).isEqualTo("autoscaling.eu-west-1.amazonaws.com");
        assertThat(stop.authorization.get()).contains("/eu-west-1/autoscaling/aws4_request");
    }

    @Test
    void elbv2ResolvesItsRegionalEndpoint() {
        Stop stop = new Stop();
        try (ElasticLoadBalancingV2Client client = ElasticLoadBalancingV2Client.builder().region(Region.EU_WEST_1)
                .credentialsProvider(CREDENTIALS).overrideConfiguration(c -> c.addExecutionInterceptor(stop)).build()) {
            assertThatThrownBy(() -> new TargetHealthReader(client).health(AwsAdaptersTest.TG))
                    .hasMessageContaining("stopped before transmission");
        }
        assertThat(stop.uri.get().getHost()).isEqualTo("elasticloadbalancing.eu-west-1.amazonaws.com");
        assertThat(stop.authorization.get()).contains("/eu-west-1/elasticloadbalancing/aws4_request");
    }

    @Test
    void ec2ResolvesItsRegionalEndpoint() {
        Stop stop = new Stop();
        try (Ec2Client client = Ec2Client.builder().region(Region.EU_WEST_1).credentialsProvider(CREDENTIALS)
                .overrideConfiguration(c -> c.addExecutionInterceptor(stop)).build()) {
            assertThatThrownBy(() -> new Ec2Inventory(client).instances("prod", null))
                    .hasMessageContaining("stopped before transmission");
        }
        assertThat(stop.uri.get().getHost()).isEqualTo("ec2.eu-west-1.amazonaws.com");
    }
}
