package dev.graphfleet.volume.aws;

import dev.graphfleet.volume.alert.AlertComposer;
import dev.graphfleet.volume.alert.AlertMessage;
import dev.graphfleet.volume.monitor.MonitorReport;
import dev.graphfleet.volume.monitor.MonitorSink;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;

/** Sends a run's notifications ({@link AlertComposer}) to one SNS topic: one Publish per message. */
public final class SnsAlertPublisher implements MonitorSink {

    private static final Logger LOG = LoggerFactory.getLogger(SnsAlertPublisher.class);

    private final SnsClient sns;
    private final String topicArn;
    private final AlertComposer composer;

    public SnsAlertPublisher(SnsClient sns, String topicArn, AlertComposer composer) {
        this.sns = Objects.requireNonNull(sns, "sns");
        if (topicArn == null || !topicArn.startsWith("arn:")) {
            throw new IllegalArgumentException("the alert topic must be an SNS topic ARN "
                    + "(arn:aws:sns:REGION:ACCOUNT:NAME), got '" + topicArn + "'");
        }
        this.topicArn = topicArn;
        this.composer = Objects.requireNonNull(composer, "composer");
    }

    @Override
    public void publish(MonitorReport report) {
        send(composer.compose(report));
    }

    /**
     * Publishes each message; a failed one is logged and the rest are still sent. Returns how many were sent.
     */
    public int send(List<AlertMessage> messages) {
        int sent = 0;
        for (AlertMessage m : messages) {
            try {
                sns.publish(b -> b.topicArn(topicArn).subject(m.subject()).message(m.body()));
                sent++;
            } catch (SdkException e) {
                LOG.warn("SNS publish of '{}' to {} failed: {}", m.subject(), topicArn, e.getMessage());
            }
        }
        return sent;
    }
}
