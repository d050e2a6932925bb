package dev.graphfleet.node;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** /attachments and the {@code attachments} section of /metrics. */
record AttachmentsView(List<AttachmentProgress> attachments, int count, Map<String, Integer> byPhase, boolean ready) {

    static AttachmentsView of(AttachmentStatus status) {
        List<AttachmentProgress> attachments = List.copyOf(status.attachments());
        return new AttachmentsView(attachments, attachments.size(), byPhase(attachments), status.ready());
    }

    static Map<String, Integer> byPhase(List<AttachmentProgress> attachments) {
        Map<String, Integer> phases = new TreeMap<>();
        attachments.forEach(attachment -> phases.merge(attachment.phase(), 1, Integer::sum));
        return phases;
    }
}
