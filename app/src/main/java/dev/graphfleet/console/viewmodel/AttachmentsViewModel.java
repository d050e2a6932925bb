package dev.graphfleet.console.viewmodel;

import dev.graphfleet.console.service.ConsoleState;
import dev.graphfleet.console.service.NodeDetail;
import dev.graphfleet.fleet.FleetInstance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.ObservableList;

/**
 * Attachments: every shared repository on every node, on its way to serving. Uses the node details
 * (progress, attempt) when read, else the fleet model's summary (phase, version, error).
 */
public final class AttachmentsViewModel extends LiveViewModel<AttachmentsViewModel.Frame> {

    private final ObservableList<AttachmentRow> rows = new RowList<>();
    private final IntegerProperty failed = new SimpleIntegerProperty(this, "failed");
    private final BooleanProperty anyVersion = new SimpleBooleanProperty(this, "anyVersion");
    private final javafx.beans.property.StringProperty summary =
            new javafx.beans.property.SimpleStringProperty(this, "summary", "");
    private final ListFilter<AttachmentRow> filter = new ListFilter<>(rows,
            java.util.Set.of("node", "repository", "version", "phase", "attempt", "error"),
            r -> ListFilter.fields("node", r.nodeProperty().get(), "repository", r.repositoryProperty().get(),
                    "version", r.versionProperty().get(), "phase", r.phaseProperty().get(),
                    "attempt", r.attemptProperty().get(), "error", r.errorProperty().get()));

    /**
     * What {@link #prepare} made for each row last time: equal texts are reused, and the key is the same
     * instance, so the FX thread matches rows by identity (prepare's thread only).
     */
    private Map<String, Item> prepared = new HashMap<>();

    /** One refresh as the Attachments view shows it: a row per node and repository, by key; the headline. */
    public record Frame(List<Item> items, int failed, boolean anyVersion, String summary) {
    }

    /** One row: its key (node/repository) and its texts. */
    record Item(String key, AttachmentRow.Texts texts) {
    }

    @Override
    protected Frame prepare(ConsoleState state) {
        List<Item> items = new ArrayList<>();
        MissingFigures missing = new MissingFigures();
        int failedCount = 0;
        boolean versions = false;
        for (FleetInstance instance : state.fleet().instances()) {
            NodeDetail detail = state.detail(instance.id());
            List<NodeDetail.Attachment> attachments;
            if (detail != null && detail.error() == null) {
                missing.figures();
                attachments = detail.attachments();
            } else if (instance.node() != null) {
                missing.figures();
                attachments = instance.node().attachments().stream().map(a -> new NodeDetail.Attachment(a.repository(),
                        a.phase(), a.version(), 0, 0, 0, a.error(), null)).toList();
            } else {
                missing.missing(instance.id(), Unavailable.why(instance, "attachments"));
                continue;
            }
            for (NodeDetail.Attachment a : attachments) {
                failedCount += "failed".equals(a.phase()) ? 1 : 0;
                versions |= a.version() != null;
                items.add(new Item(instance.id() + "/" + a.repository(), AttachmentRow.Texts.of(instance.id(), a)));
            }
        }
        items.sort(Comparator.comparing(Item::key));
        Map<String, Item> next = new HashMap<>(items.size() * 2);
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            Item was = prepared.get(item.key());
            if (was != null) {
                items.set(i, item.texts().equals(was.texts()) ? was : new Item(was.key(), item.texts()));
            }
            next.put(item.key(), items.get(i));
        }
        prepared = next; // rows gone are forgotten
        return new Frame(List.copyOf(items), failedCount, versions, headline(failedCount, missing, state.fleet()));
    }

    @Override
    protected void update(Frame frame) {
        RowSync.sync(rows, frame.items(), Item::key, AttachmentRow::key, item -> {
            AttachmentRow row = new AttachmentRow(item.key());
            row.show(item.texts());
            return row;
        }, (row, item) -> row.show(item.texts()));
        RowSync.set(failed, frame.failed());
        RowSync.set(summary, frame.summary());
        RowSync.set(anyVersion, frame.anyVersion());
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
