package dev.graphfleet.fleet.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** One line for a failed AWS call: which call, the service's error code and message, nothing secret. */
final class AwsErrors {

    private AwsErrors() {
    }

    static String describe(String call, Throwable e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String code = service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails().errorMessage();
            if (code == null && message == null) {
                // an endpoint that answered with an error but no AWS error body (a proxy, a wrong --endpoint)
                return call + " failed: HTTP " + service.statusCode() + " without an AWS error; is the endpoint an AWS"
                        + " service endpoint for this call?";
            }
            return call + " failed: " + (code == null ? "" : code + ": ") + (message == null ? "" : message)
                    + " (HTTP " + service.statusCode() + ")";
        }
        if (e instanceof LinkageError) {
            // e.g. a service module built for another SDK core than the one on the classpath
            return call + " failed: the AWS SDK modules do not fit together (" + e + ")";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.startsWith("Unable to load credentials")) {
            // the chain lists every provider it tried: a page of text that says "none"
            return call + " failed: no AWS credentials found; pass --profile P (or set AWS_PROFILE), export"
                    + " AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run where an instance or task role is available";
        }
        return call + " failed: " + message;
    }

    /** Runs one AWS call; a failure becomes an IllegalStateException naming the call. */
    static <T> T step(String what, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw new IllegalStateException(describe(what, e), e);
        }
    }

    static void step(String what, Runnable call) {
        step(what, () -> {
            call.run();
            return null;
        });
    }
}
