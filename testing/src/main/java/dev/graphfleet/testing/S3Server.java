package dev.graphfleet.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server (s3proxy 3.0.0 over a filesystem blob store in a temporary
 * directory) on a loopback port, for tests. As a JUnit extension on a static field it starts
 * before the class and stops after it, with the named buckets created:
 * <pre>
 *   &#64;RegisterExtension static final S3Server S3 = S3Server.withBuckets("repos");
 *   ... S3.client(), S3.endpoint(), S3.credentials()
 * </pre>
 * It can also be used directly with {@link #start()} and {@link #close()}.
 */
public final class S3Server implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    public static final String ACCESS_KEY = "test-access";
    public static final String SECRET_KEY = "test-secret-do-not-log";

    private final List<String> buckets;
    private Path baseDir;
    private BlobStoreContext context;
    private S3Proxy proxy;
    private S3Client client;
    private int stoppedPort;

    private S3Server(List<String> buckets) {
        this.buckets = List.copyOf(buckets);
    }

    public static S3Server withBuckets(String... buckets) {
        return new S3Server(List.of(buckets));
    }

    @Override
    public void beforeAll(ExtensionContext extension) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext extension) {
        close();
    }

    public synchronized S3Server start() throws Exception {
        if (proxy != null) {
            return this;
        }
        baseDir = Files.createTempDirectory("s3server");
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", baseDir.toString());
        context = ContextBuilder.newBuilder("filesystem-nio2").credentials("local", "local").overrides(properties).build(BlobStoreContext.class);
        proxy = newProxy(0);
        proxy.start();
        awaitStarted();
        client = newClient(endpoint());
        for (String bucket : buckets) {
            createBucket(bucket);
        }
        return this;
    }

    private S3Proxy newProxy(int port) {
        return S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .ignoreUnknownHeaders(true) // the SDK's multipart client sends x-amz-mp-object-size
                .build();
    }

    /**
     * Stops serving, as a crashed or rebooting server: its port refuses connections and open
     * connections are cut. The objects stay for {@link #resumeServing()}.
     */
    public synchronized void stopServing() throws Exception {
        stoppedPort = proxy.getPort();
        proxy.stop();
    }

    /** Serves the same objects again on the same port. */
    public synchronized void resumeServing() throws Exception {
        proxy = newProxy(stoppedPort);
        proxy.start();
        awaitStarted();
        stoppedPort = 0;
    }

    /** s3proxy starts Jetty on its own thread: wait (bounded) until it has bound its port. */
    private void awaitStarted() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("s3proxy did not start within 20 s (state " + proxy.getState() + ")");
            }
            Thread.sleep(5);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + (stoppedPort != 0 ? stoppedPort : proxy.getPort()));
    }

    /** The server's static keys (a store on it: {@code S3Settings.forCompatibleEndpoint(endpoint(), credentials())}). */
    public StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
    }

    /** A client straight to the server, for setting up and inspecting objects. */
    public S3Client client() {
        return client;
    }

    public S3Client newClient(URI endpoint) {
        return S3Client.builder()
                .httpClientBuilder(Apache5HttpClient.builder())
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials())
                // s3proxy does not understand the SDK's default flexible checksums
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    public void createBucket(String bucket) {
        client.createBucket(b -> b.bucket(bucket));
    }

    @Override
    public synchronized void close() {
        if (proxy == null) {
            return;
        }
        try {
            client.close();
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop s3proxy", e);
        } finally {
            context.close();
            proxy = null;
            deleteTree(baseDir);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
