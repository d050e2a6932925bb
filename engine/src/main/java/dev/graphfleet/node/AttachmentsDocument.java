package dev.graphfleet.node;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.graphfleet.node.health.DataFreshness;
import dev.graphfleet.node.health.NodeHealth;
import dev.graphfleet.shared.RepositoryRefresher;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * /attachments and the {@code attachments} section of /metrics: each repository's progress and version
 * (with {@code version_created_at}), and on a shared node the age of its oldest version
 * ({@code data_age_seconds}), the maximum ({@code max_staleness_seconds}, absent when off) and {@code data_stale} (the section's own
 * {@code stale} says whether these figures are late), and {@code refresh}: the store poller's last round.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record AttachmentsDocument(List<AttachmentProgress> attachments, int count, Map<String, Integer> byPhase, boolean ready,
                       Map<String, String> dataVersions, Long dataAgeSeconds, Long maxStalenessSeconds,
                       Boolean dataStale, RepositoryRefresher.PollStatus refresh) {

    static AttachmentsDocument of(AttachmentSource status) {
        List<AttachmentProgress> attachments = List.copyOf(status.attachments());
        return new AttachmentsDocument(attachments, attachments.size(), byPhase(attachments), status.ready(), null, null,
                null, null, status.refresh());
    }

    static AttachmentsDocument of(AttachmentSource status, NodeHealth health) {
        List<AttachmentProgress> attachments = List.copyOf(status.attachments());
        if (attachments.isEmpty()) {
            return of(status);
        }
        DataFreshness fresh = health.freshness();
        var max = health.settings().maxAge();
        return new AttachmentsDocument(attachments, attachments.size(), byPhase(attachments), status.ready(),
                fresh.versions(), fresh.ageSeconds(), max == null ? null : max.toSeconds(), health.stale(),
                status.refresh());
    }

    static Map<String, Integer> byPhase(List<AttachmentProgress> attachments) {
        Map<String, Integer> phases = new TreeMap<>();
        attachments.forEach(attachment -> phases.merge(attachment.phase(), 1, Integer::sum));
        return phases;
    }
}
