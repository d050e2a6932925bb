package dev.graphfleet.repo.s3;

import dev.graphfleet.repo.BoundedInputStream;
import dev.graphfleet.repo.AbstractRepositoryStore;
import dev.graphfleet.repo.RepositoryException;
import dev.graphfleet.repo.RepositoryException.Reason;
import dev.graphfleet.repo.StoreUri;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A store in an S3 bucket, {@code s3://bucket/prefix}, over the AWS SDK v2 sync client. Large
 * files are uploaded as parallel multipart parts; an object appears only when the upload
 * completes, so readers never see part of one. SDK errors become {@link RepositoryException}s
 * that name the object and say whether a retry can help.
 */
public final class S3RepositoryStore extends AbstractRepositoryStore {

    private final S3Client client;
    private final StoreUri.S3 uri;
    private final S3Settings settings;
    private final boolean ownsClient;

    /** Uses a client built elsewhere (tests, or a shared client); {@link #close()} leaves it open. */
    public S3RepositoryStore(S3Client client, StoreUri.S3 uri, S3Settings settings, Clock clock) {
        this(client, uri, settings, clock, false);
    }

    private S3RepositoryStore(S3Client client, StoreUri.S3 uri, S3Settings settings, Clock clock, boolean ownsClient) {
        super(uri, clock);
        this.client = client;
        this.uri = uri;
        this.settings = settings;
        this.ownsClient = ownsClient;
    }

    /** Builds a client from the settings; {@link #close()} closes it. */
    public static S3RepositoryStore open(StoreUri.S3 uri, S3Settings settings) {
        return new S3RepositoryStore(buildClient(settings), uri, settings, Clock.systemUTC(), true);
    }

    /** An S3 client as these settings describe it (default credential chain unless one is given). */
    public static S3Client buildClient(S3Settings settings) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(Apache5HttpClient.builder()
                        .maxConnections(settings.maxConnections())
                        .socketTimeout(settings.socketTimeout()))
                .forcePathStyle(settings.pathStyle())
                .credentialsProvider(settings.credentials().orElseGet(() -> DefaultCredentialsProvider.builder().build()))
                .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(settings.sdkMaxAttempts())));
        settings.region().map(Region::of).ifPresent(builder::region);
        settings.endpoint().ifPresent(endpoint -> {
            builder.endpointOverride(endpoint)
                    // S3-compatible servers do not understand the SDK's default flexible checksums.
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
            if (settings.region().isEmpty()) {
                builder.region(Region.US_EAST_1);
            }
        });
        try {
            return builder.build();
        } catch (SdkClientException e) {
            throw new IllegalArgumentException("cannot set up the S3 client: " + e.getMessage()
                    + (settings.region().isEmpty() ? " (set the region: --region or AWS_REGION)" : ""), e);
        }
    }

    @Override
    protected List<StoredObject> listObjects(String relativePrefix) throws IOException {
        String rootPrefix = uri.key("");
        List<StoredObject> objects = new ArrayList<>();
        try {
            for (S3Object object : client.listObjectsV2Paginator(r -> r.bucket(uri.bucket())
                    .prefix(uri.key(relativePrefix))).contents()) {
                objects.add(new StoredObject(object.key().substring(rootPrefix.length()), object.size(),
                        object.lastModified()));
            }
        } catch (SdkException e) {
            throw translate(e, "list", relativePrefix);
        }
        return objects;
    }

    @Override
    protected Optional<byte[]> readSmall(String key, int maxBytes) throws IOException {
        try (ResponseInputStream<GetObjectResponse> in = client.getObject(r -> r.bucket(uri.bucket()).key(uri.key(key)))) {
            Long length = in.response().contentLength();
            if (length != null && length > maxBytes) {
                in.abort();
                throw new RepositoryException(Reason.INVALID_MANIFEST, describe(key) + " is " + length
                        + " bytes, larger than a manifest's limit of " + maxBytes);
            }
            return Optional.of(in.readAllBytes());
        } catch (SdkException e) {
            RepositoryException translated = translate(e, "read", key);
            if (translated.reason() == Reason.NOT_FOUND && !isMissingBucket(e)) {
                return Optional.empty();
            }
            throw translated;
        }
    }

    @Override
    protected Optional<Long> sizeOf(String key) throws IOException {
        try {
            return Optional.of(client.headObject(r -> r.bucket(uri.bucket()).key(uri.key(key))).contentLength());
        } catch (SdkException e) {
            RepositoryException translated = translate(e, "inspect", key);
            if (translated.reason() == Reason.NOT_FOUND && !isMissingBucket(e)) {
                return Optional.empty();
            }
            throw translated;
        }
    }

    @Override
    protected void putBytes(String key, byte[] bytes) throws IOException {
        try {
            client.putObject(r -> r.bucket(uri.bucket()).key(uri.key(key)).contentType("application/json"),
                    RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw translate(e, "write", key);
        }
    }

    @Override
    protected void putFile(String key, Path file, long size) throws IOException {
        if (size <= settings.multipartThreshold()) {
            try {
                client.putObject(r -> r.bucket(uri.bucket()).key(uri.key(key)), RequestBody.fromFile(file));
            } catch (SdkException e) {
                throw translate(e, "upload", key);
            }
        } else {
            new MultipartUpload(key, file, size).run();
        }
    }

    /** Parallel parts, then complete; any failure aborts the upload so no parts linger. */
    private final class MultipartUpload {
        private static final int MAX_PARTS = 10_000;
        private final String key;
        private final Path file;
        private final long size;
        private final long partSize;

        MultipartUpload(String key, Path file, long size) {
            this.key = key;
            this.file = file;
            this.size = size;
            this.partSize = Math.max(settings.uploadPartSize(), (size + MAX_PARTS - 1) / MAX_PARTS);
        }

        void run() throws IOException {
            String uploadId;
            try {
                uploadId = client.createMultipartUpload(r -> r.bucket(uri.bucket()).key(uri.key(key))).uploadId();
            } catch (SdkException e) {
                throw translate(e, "start uploading", key);
            }
            int partCount = (int) ((size + partSize - 1) / partSize);
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(settings.uploadParallelism(), partCount));
            try {
                List<Future<CompletedPart>> futures = new ArrayList<>();
                for (int i = 0; i < partCount; i++) {
                    int number = i + 1;
                    long offset = i * partSize;
                    long length = Math.min(partSize, size - offset);
                    futures.add(pool.submit(() -> uploadPart(uploadId, number, offset, length)));
                }
                List<CompletedPart> parts = new ArrayList<>();
                for (Future<CompletedPart> future : futures) {
                    parts.add(future.get());
                }
                parts.sort(Comparator.comparing(CompletedPart::partNumber));
                client.completeMultipartUpload(r -> r.bucket(uri.bucket()).key(uri.key(key)).uploadId(uploadId)
                        .multipartUpload(m -> m.parts(parts)));
            } catch (InterruptedException e) {
                abort(uploadId);
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("upload of " + describe(key) + " was interrupted");
            } catch (ExecutionException e) {
                abort(uploadId);
                Throwable cause = e.getCause();
                if (cause instanceof SdkException sdk) {
                    throw translate(sdk, "upload a part of", key);
                }
                if (cause instanceof UncheckedIOException io) {
                    throw io.getCause();
                }
                throw new RepositoryException(Reason.FAILED, "upload of " + describe(key) + " failed: " + cause, cause);
            } catch (SdkException e) {
                abort(uploadId);
                throw translate(e, "complete the upload of", key);
            } finally {
                pool.shutdownNow();
            }
        }

        private CompletedPart uploadPart(String uploadId, int number, long offset, long length) {
            RequestBody body = RequestBody.fromContentProvider(() -> {
                try {
                    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                    channel.position(offset);
                    return new BoundedInputStream(Channels.newInputStream(channel), length);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, length, "application/octet-stream");
            String etag = client.uploadPart(r -> r.bucket(uri.bucket()).key(uri.key(key)).uploadId(uploadId)
                    .partNumber(number).contentLength(length), body).eTag();
            return CompletedPart.builder().partNumber(number).eTag(etag).build();
        }

        private void abort(String uploadId) {
            try {
                client.abortMultipartUpload(r -> r.bucket(uri.bucket()).key(uri.key(key)).uploadId(uploadId));
            } catch (SdkException ignored) {
                // the bucket's lifecycle rule for incomplete uploads is the backstop
            }
        }
    }

    @Override
    protected InputStream openObjectRange(String key, long offset, long length) throws IOException {
        if (length == 0) {
            return InputStream.nullInputStream();
        }
        ResponseInputStream<GetObjectResponse> in;
        try {
            in = client.getObject(r -> r.bucket(uri.bucket()).key(uri.key(key))
                    .range("bytes=" + offset + "-" + (offset + length - 1)));
        } catch (SdkException e) {
            throw translate(e, "read", key);
        }
        Long got = in.response().contentLength();
        if (got == null || got != length) {
            in.abort();
            throw new RepositoryException(Reason.TRANSIENT, "asked " + describe(key) + " for " + length
                    + " bytes at " + offset + " but the store answered with " + got);
        }
        return new RangeStream(in, length);
    }

    /** Turns SDK exceptions from reads into IOExceptions, and aborts a body that was not read to its end. */
    private final class RangeStream extends FilterInputStream {
        private final ResponseInputStream<GetObjectResponse> response;
        private long remaining;

        RangeStream(ResponseInputStream<GetObjectResponse> response, long length) {
            super(response);
            this.response = response;
            this.remaining = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    remaining -= n;
                }
                return n;
            } catch (SdkException e) {
                throw new RepositoryException(Reason.TRANSIENT, "reading from the store failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() throws IOException {
            if (remaining > 0) {
                response.abort(); // do not drain the rest of a body we gave up on
            }
            try {
                super.close();
            } catch (SdkException | IOException e) {
                // the connection is gone either way
            }
        }
    }

    private static boolean isMissingBucket(SdkException e) {
        return e instanceof S3Exception s3 && s3.awsErrorDetails() != null
                && "NoSuchBucket".equals(s3.awsErrorDetails().errorCode());
    }

    /** One clear message per failure kind; AWS error texts carry no secrets, credentials never appear. */
    private RepositoryException translate(SdkException e, String action, String key) {
        String where = describe(key);
        if (e instanceof S3Exception s3) {
            int status = s3.statusCode();
            String code = s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorCode();
            String detail = " (HTTP " + status + (code == null ? "" : ", " + code) + ")";
            if (isMissingBucket(e)) {
                return new RepositoryException(Reason.NOT_FOUND, "the bucket of " + uri + " does not exist"
                        + detail + "; check the store URI, region and endpoint", e);
            }
            if (status == 404) {
                return new RepositoryException(Reason.NOT_FOUND, where + " does not exist" + detail, e);
            }
            if (status == 401 || status == 403) {
                return new RepositoryException(Reason.ACCESS, "access denied: cannot " + action + " " + where + detail
                        + "; check the AWS credentials (default chain: environment, profile, instance role)"
                        + " and the bucket policy", e);
            }
            if (status >= 500 || status == 429 || status == 408) {
                return new RepositoryException(Reason.TRANSIENT, "the store failed to " + action + " " + where + detail, e);
            }
            return new RepositoryException(Reason.FAILED, "cannot " + action + " " + where + detail + ": "
                    + (s3.awsErrorDetails() == null ? s3.getMessage() : s3.awsErrorDetails().errorMessage()), e);
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException || hasIoCause(e)) {
            return new RepositoryException(Reason.TRANSIENT, "could not " + action + " " + where + ": " + e.getMessage(), e);
        }
        return new RepositoryException(Reason.FAILED, "could not " + action + " " + where + ": " + e.getMessage(), e);
    }

    private static boolean hasIoCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }
}
