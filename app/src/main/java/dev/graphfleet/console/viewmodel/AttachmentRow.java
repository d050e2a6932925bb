package dev.graphfleet.console.viewmodel;

import static dev.graphfleet.console.viewmodel.RowSync.set;

import dev.graphfleet.console.service.NodeDetail;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One repository's attachment on one node: phase, download progress, attempt and last error. */
public final class AttachmentRow {

    private final String key;
    private final StringProperty node = new SimpleStringProperty(this, "node");
    private final StringProperty repository = new SimpleStringProperty(this, "repository");
    private final StringProperty version = new SimpleStringProperty(this, "version");
    private final StringProperty phase = new SimpleStringProperty(this, "phase");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress");
    private final StringProperty progressText = new SimpleStringProperty(this, "progressText");
    private final StringProperty attempt = new SimpleStringProperty(this, "attempt");
    private final StringProperty error = new SimpleStringProperty(this, "error");
    private final ObjectProperty<Gauge> gauge = new SimpleObjectProperty<>(this, "gauge");
    /** The attachment shown: what a refresh compares against. */
    private NodeDetail.Attachment shown;

    AttachmentRow(String key) {
        this.key = key;
    }

    /** Shows {@code a}, formatting the progress only when it moved. */
    void update(String nodeId, NodeDetail.Attachment a) {
        NodeDetail.Attachment was = shown;
        shown = a;
        if (a.equals(was)) {
            return;
        }
        set(node, nodeId);
        set(repository, a.repository());
        set(version, a.version() == null ? "—" : a.version());
        set(phase, a.phase());
        set(attempt, a.attempt() <= 0 ? "—" : "attempt " + a.attempt());
        set(error, a.error() == null ? "" : a.error());
        if (was != null && java.util.Objects.equals(was.phase(), a.phase()) && was.bytesDone() == a.bytesDone()
                && was.bytesTotal() == a.bytesTotal()) {
            return;
        }
        double done = "attached".equals(a.phase()) ? 1.0 : a.progress();
        set(progress, done);
        set(progressText, progressText(a, done));
        set(gauge, new Gauge(Math.max(0, done), "failed".equals(a.phase()) ? "exhausted" : "ok", progressText.get()));
    }

    private static String progressText(NodeDetail.Attachment a, double done) {
        if (a.bytesTotal() <= 0) {
            return done >= 1.0 ? "done" : "—";
        }
        return Units.bytes(a.bytesDone()) + " of " + Units.bytes(a.bytesTotal()) + " (" + Units.percent(done) + ")";
    }

    /** The progress bar (red when the attachment failed). */
    public ObjectProperty<Gauge> gaugeProperty() {
        return gauge;
    }

    public String key() {
        return key;
    }

    public StringProperty nodeProperty() {
        return node;
    }

    public StringProperty repositoryProperty() {
        return repository;
    }

    public StringProperty versionProperty() {
        return version;
    }

    /** pending, downloading, verifying, attaching, attached or failed. */
    public StringProperty phaseProperty() {
        return phase;
    }

    /** Downloaded fraction 0..1; -1 when the size is unknown (an indeterminate bar). */
    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty progressTextProperty() {
        return progressText;
    }

    public StringProperty attemptProperty() {
        return attempt;
    }

    public StringProperty errorProperty() {
        return error;
    }
}
