package dev.graphfleet.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.graphfleet.volume.VolumeDecision;
import dev.graphfleet.volume.monitor.InstanceReport;
import dev.graphfleet.volume.monitor.MonitorReport;
import dev.graphfleet.volume.monitor.Outcome;
import java.util.Locale;

/** The volume report as JSON, for scripts: snake_case keys, fractions for usage, null where unknown. */
final class VolumeReportJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private VolumeReportJson() {
    }

    static String render(MonitorReport report, String source) {
        ObjectNode root = JSON.createObjectNode();
        root.put("source", source);
        root.put("started_at", report.startedAt().toString());
        root.put("took_ms", report.took().toMillis());
        root.put("alarm", report.alarm());
        root.put("dry_run", report.dryRun());
        root.put("ok", report.ok());
        root.put("fallbacks", report.fallbacks());
        ObjectNode counts = root.putObject("outcomes");
        for (Outcome o : Outcome.values()) {
            counts.put(o.name().toLowerCase(Locale.ROOT), report.count(o));
        }
        ArrayNode rows = root.putArray("instances");
        for (InstanceReport r : report.instances()) {
            ObjectNode row = rows.addObject();
            row.put("instance_id", r.instance().instanceId());
            row.put("role", r.instance().role());
            row.put("source", r.source().name().toLowerCase(Locale.ROOT));
            row.put("fallback_reason", r.fallbackReason());
            if (r.reading() == null) {
                row.putNull("filesystem");
            } else {
                ObjectNode fs = row.putObject("filesystem");
                fs.put("size_gb", r.reading().sizeGb());
                fs.put("used_gb", r.reading().usedGb());
                fs.put("usage", r.reading().usage());
                fs.put("mount_point", r.reading().mountPoint());
            }
            row.put("volume_id", r.volumeId());
            if (r.volumeSizeGb() > 0) {
                row.put("volume_size_gb", r.volumeSizeGb());
            } else {
                row.putNull("volume_size_gb");
            }
            VolumeDecision d = r.decision();
            if (d == null) {
                row.putNull("decision");
            } else {
                ObjectNode decision = row.putObject("decision");
                decision.put("kind", d.kind());
                decision.put("summary", d.summary());
                if (d instanceof VolumeDecision.Expand) {
                    decision.put("new_size_gb", ((VolumeDecision.Expand) d).newSizeGb());
                }
                if (d instanceof VolumeDecision.Skip && ((VolumeDecision.Skip) d).retryAfter() != null) {
                    decision.put("retry_after", ((VolumeDecision.Skip) d).retryAfter().toString());
                }
            }
            row.put("outcome", r.outcome().name().toLowerCase(Locale.ROOT));
            row.put("detail", r.detail());
            row.put("error", r.error());
            row.put("needs_attention", r.needsAttention());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the report as JSON", e);
        }
    }
}
