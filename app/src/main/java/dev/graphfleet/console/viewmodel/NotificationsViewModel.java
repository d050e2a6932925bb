package dev.graphfleet.console.viewmodel;

import dev.graphfleet.console.service.FleetEvents;
import dev.graphfleet.console.service.actions.ActionRequest;
import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.FleetSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Notifications of what changed between refreshes (a replica down, a volume expanded, an attach
 * failed), newest first, the last {@value #KEEP}. Each refresh is diffed with the one before, even
 * while a view is paused: a pause stills the tables, not the news.
 * <ul>
 * <li>A change to an instance a running job works on (a replica down during its rollout) is the job's
 * doing: it says so and is not a problem. The refresh after the job ends still counts (its last node
 * comes back then).</li>
 * <li>A repeat of a shown notification raises its count and time instead of adding a card.</li>
 * <li>Notifications expire, by the refresh clock: news after {@link #NEWS_FOR}, problems after
 * {@link #PROBLEMS_FOR} (the tables keep showing what is still wrong).</li>
 * </ul>
 */
public final class NotificationsViewModel {

    static final int KEEP = 4;
    static final Duration NEWS_FOR = Duration.ofSeconds(60);
    static final Duration PROBLEMS_FOR = Duration.ofMinutes(10);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /**
     * One notification: how loud, when (shown and as an instant), what, the job that caused it (null when
     * none) and how many times it happened.
     */
    public record Notification(FleetEvents.Level level, String time, String text, String job, int count, Instant at) {
        public String styleClass() {
            return job != null ? "notification-job" : "notification-" + level.name().toLowerCase(java.util.Locale.ROOT);
        }

        /** What the card says: the job first when there is one, the count when repeated. */
        public String message() {
            return (job == null ? "" : job + ": ") + text + (count > 1 ? "  (×" + count + ")" : "");
        }

        boolean sameAs(FleetEvents.Level otherLevel, String otherText, String otherJob) {
            return level == otherLevel && text.equals(otherText) && Objects.equals(job, otherJob);
        }

        Duration lifetime() {
            return level == FleetEvents.Level.PROBLEM && job == null ? PROBLEMS_FOR : NEWS_FOR;
        }
    }

    private final ObservableList<Notification> shown = FXCollections.observableArrayList();
    private final ZoneId zone;
    private FleetSnapshot previous;
    private String job;
    private Predicate<FleetInstance> jobScope = i -> false;
    /** The job ended: the next refresh is still attributed to it, then it is forgotten. */
    private boolean jobEnding;

    public NotificationsViewModel(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** A job started: changes to the instances it works on are its doing. */
    public void jobStarted(ActionRequest request) {
        job = request.title();
        jobScope = JobScope.of(request);
        jobEnding = false;
    }

    /** The job ended: the next refresh is the last one attributed to it. */
    public void jobEnded() {
        if (job != null) {
            jobEnding = true;
        }
    }

    /** Diffs {@code fleet} with the previous refresh and shows what changed; drops what expired. */
    public void apply(FleetSnapshot fleet) {
        List<FleetEvents.FleetEvent> events = FleetEvents.between(previous, fleet);
        previous = fleet;
        Instant at = fleet.takenAt() == null ? Instant.now() : fleet.takenAt();
        shown.removeIf(n -> !n.at().plus(n.lifetime()).isAfter(at));
        String time = TIME.format(at.atZone(zone));
        for (FleetEvents.FleetEvent event : events) {
            String cause = causedByJob(fleet, event) ? job : null;
            Notification repeat = shown.stream().filter(n -> n.sameAs(event.level(), event.text(), cause))
                    .findFirst().orElse(null);
            int count = 1;
            if (repeat != null) {
                shown.remove(repeat);
                count = repeat.count() + 1;
            }
            shown.add(0, new Notification(event.level(), time, event.text(), cause, count, at));
        }
        if (shown.size() > KEEP) {
            shown.remove(KEEP, shown.size());
        }
        if (jobEnding) {
            job = null;
            jobScope = i -> false;
            jobEnding = false;
        }
    }

    private boolean causedByJob(FleetSnapshot fleet, FleetEvents.FleetEvent event) {
        return job != null && event.instanceId() != null
                && fleet.instance(event.instanceId()).map(jobScope::test).orElse(false);
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
