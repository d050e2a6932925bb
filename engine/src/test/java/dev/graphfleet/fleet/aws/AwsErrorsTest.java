package dev.graphfleet.fleet.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

class AwsErrorsTest {

    @Test
    void anErrorWithoutAnAwsErrorBodySaysSoInsteadOfNullNull() {
        AwsServiceException bare = AwsServiceException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().build()).build();

        assertThat(AwsErrors.describe("DynamoDB Scan of registry", bare)).isEqualTo("DynamoDB Scan of registry failed:"
                + " HTTP 400 without an AWS error; is the endpoint an AWS service endpoint for this call?");
    }

    @Test
    void aServiceErrorNamesItsCodeMessageAndStatus() {
        AwsServiceException throttled = AwsServiceException.builder().statusCode(400).awsErrorDetails(
                AwsErrorDetails.builder().errorCode("ThrottlingException").errorMessage("Rate exceeded").build()).build();

        assertThat(AwsErrors.describe("EC2 DescribeInstances", throttled))
                .isEqualTo("EC2 DescribeInstances failed: ThrottlingException: Rate exceeded (HTTP 400)");
    }
}
