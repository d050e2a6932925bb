package dev.graphfleet.console.viewmodel;

import dev.graphfleet.console.service.FleetEvents;
import dev.graphfleet.fleet.FleetSnapshot;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Notifications of what changed between refreshes (a replica down, a volume expanded, an attach
 * failed), newest first, the last {@value #KEEP}. Each refresh is diffed with the one before, even
 * while a view is paused: a pause stills the tables, not the news.
 */
public final class NotificationsViewModel {

    static final int KEEP = 4;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** One notification: how loud, when, what. */
    public record Notification(FleetEvents.Level level, String time, String text) {
        public String styleClass() {
            return "notification-" + level.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final ObservableList<Notification> shown = FXCollections.observableArrayList();
    private final ZoneId zone;
    private FleetSnapshot previous;

    public NotificationsViewModel(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Diffs {@code fleet} with the previous refresh and shows what changed. */
    public void apply(FleetSnapshot fleet) {
        List<FleetEvents.FleetEvent> events = FleetEvents.between(previous, fleet);
        previous = fleet;
        if (events.isEmpty()) {
            return;
        }
        Instant at = fleet.takenAt() == null ? Instant.now() : fleet.takenAt();
        String time = TIME.format(at.atZone(zone));
        for (FleetEvents.FleetEvent event : events) {
            shown.add(0, new Notification(event.level(), time, event.text()));
        }
        if (shown.size() > KEEP) {
            shown.remove(KEEP, shown.size());
        }
    }

    public void dismiss(Notification notification) {
        shown.remove(notification);
    }

    public void clear() {
        shown.clear();
    }

    /** Newest first. */
    public ObservableList<Notification> shown() {
        return shown;
    }
}
