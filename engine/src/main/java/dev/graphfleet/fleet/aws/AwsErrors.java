package dev.graphfleet.fleet.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** One line for a failed AWS call: which call, the service's error code and message, nothing secret. */
final class AwsErrors {

    private AwsErrors() {
    }

    static String describe(String call, Throwable e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            return call + " failed: " + service.awsErrorDetails().errorCode() + ": "
                    + service.awsErrorDetails().errorMessage() + " (HTTP " + service.statusCode() + ")";
        }
        if (e instanceof LinkageError) {
            // e.g. a service module built for another SDK core than the one on the classpath
            return call + " failed: the AWS SDK modules do not fit together (" + e + ")";
        }
        return call + " failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
}
