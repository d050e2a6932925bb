package dev.graphfleet.console.viewmodel;

import dev.graphfleet.console.service.ConsoleState;
import dev.graphfleet.console.service.NodeDetail;
import dev.graphfleet.fleet.FleetInstance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Attachments: every shared repository on every node, on its way to serving. Uses the node details
 * (progress, attempt) when read, else the fleet model's summary (phase, version, error).
 */
public final class AttachmentsViewModel extends LiveViewModel {

    private final ObservableList<AttachmentRow> rows = FXCollections.observableArrayList();
    private final IntegerProperty failed = new SimpleIntegerProperty(this, "failed");
    private final BooleanProperty anyVersion = new SimpleBooleanProperty(this, "anyVersion");
    private final javafx.beans.property.StringProperty summary =
            new javafx.beans.property.SimpleStringProperty(this, "summary", "");
    private final ListFilter<AttachmentRow> filter = new ListFilter<>(rows,
            java.util.Set.of("node", "repository", "version", "phase", "attempt", "error"),
            r -> ListFilter.fields("node", r.nodeProperty().get(), "repository", r.repositoryProperty().get(),
                    "version", r.versionProperty().get(), "phase", r.phaseProperty().get(),
                    "attempt", r.attemptProperty().get(), "error", r.errorProperty().get()));

    @Override
    protected void update(ConsoleState state) {
        List<Item> items = new ArrayList<>();
        MissingFigures missing = new MissingFigures();
        for (FleetInstance instance : state.fleet().instances()) {
            NodeDetail detail = state.detail(instance.id());
            if (detail != null && detail.error() == null) {
                missing.figures();
                detail.attachments().forEach(a -> items.add(new Item(instance.id(), a)));
            } else if (instance.node() != null) {
                missing.figures();
                instance.node().attachments().forEach(a -> items.add(new Item(instance.id(),
                        new NodeDetail.Attachment(a.repository(), a.phase(), a.version(), 0, 0, 0, a.error(), null))));
            } else {
                missing.missing(instance.id(), Unavailable.why(instance, "attachments"));
            }
        }
        items.sort(Comparator.comparing(Item::key));
        RowSync.sync(rows, items, Item::key, AttachmentRow::key, item -> {
            AttachmentRow row = new AttachmentRow(item.key());
            row.update(item.node(), item.attachment());
            return row;
        }, (row, item) -> row.update(item.node(), item.attachment()));
        RowSync.set(failed, (int) items.stream().filter(i -> "failed".equals(i.attachment().phase())).count());
        RowSync.set(summary, headline(failed.get(), missing, state.fleet()));
        RowSync.set(anyVersion, items.stream().anyMatch(i -> i.attachment().version() != null));
        filter.refreshed();
    }

    private static String headline(int failedCount, MissingFigures missing, dev.graphfleet.fleet.FleetSnapshot fleet) {
        String verdict = failedCount == 0 ? "No failed attachment"
                : failedCount + (failedCount == 1 ? " attachment" : " attachments") + " failed";
        return missing.headline(fleet, failedCount == 0 && !missing.complete()
                ? verdict + " on " + missing.withFigures() + " of " + missing.nodes() + " nodes" : verdict);
    }

    /** The headline: failed attachments, or which nodes gave no figures and why. */
    public javafx.beans.property.StringProperty summaryProperty() {
        return summary;
    }

    /** The {@code /} filter of the table. */
    public ListFilter<AttachmentRow> filter() {
        return filter;
    }

    /** One row's data; the key is made once (the sort compares it many times). */
    private record Item(String key, String node, NodeDetail.Attachment attachment) {
        Item(String node, NodeDetail.Attachment attachment) {
            this(node + "/" + attachment.repository(), node, attachment);
        }
    }

    public ObservableList<AttachmentRow> rows() {
        return rows;
    }

    public IntegerProperty failedProperty() {
        return failed;
    }

    /** Some node says which version it attaches (else the version column is left out). */
    public BooleanProperty anyVersionProperty() {
        return anyVersion;
    }
}
