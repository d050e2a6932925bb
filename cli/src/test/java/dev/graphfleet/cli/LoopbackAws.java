package dev.graphfleet.cli;

import dev.graphfleet.testing.AwsRouter;
import dev.graphfleet.testing.DynamoDbLocal;
import dev.graphfleet.testing.FakeEc2;
import dev.graphfleet.testing.FakeSsm;
import java.io.IOException;
import java.net.URI;

/**
 * Loopback EC2 and SSM behind one {@link AwsRouter} endpoint (the commands' {@code --endpoint}), with AWS
 * credentials set as the system properties the SDK's default chain reads, which the commands use.
 * {@link #close()} clears them and stops the fakes; a test closes what it adds to the router itself.
 */
final class LoopbackAws implements AutoCloseable {

    final FakeEc2 ec2;
    final FakeSsm ssm;
    final AwsRouter router;

    private LoopbackAws(URI dynamoDb, String accessKeyId) throws IOException {
        ec2 = new FakeEc2();
        ssm = new FakeSsm();
        router = new AwsRouter(ec2.endpoint(), ssm.endpoint(), dynamoDb);
        System.setProperty("aws.accessKeyId", accessKeyId);
        System.setProperty("aws.secretAccessKey", "test-secret");
    }

    /** EC2 and SSM. */
    static LoopbackAws start() throws IOException {
        return new LoopbackAws(null, "test-key");
    }

    /**
     * EC2, SSM and DynamoDB Local. DynamoDB Local keeps tables per access key and region: its helper's client
     * uses "fake" in us-east-1, so the commands do too.
     */
    static LoopbackAws withDynamoDbLocal() throws IOException {
        return new LoopbackAws(DynamoDbLocal.get().endpoint(), "fake");
    }

    @Override
    public void close() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        router.close();
        ec2.close();
        ssm.close();
    }
}
