package dev.graphfleet.fleet.refresh;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A rolling refresh, one step at a time. Each call to {@link #next} gets the group as observed now
 * and answers what to do: replace one instance, wait, or stop. It replaces one instance, waits until
 * the instance that takes its place runs the target and serves, and only then takes the next; it
 * never has more than one instance out, and never takes out the last serving one. It stops for good
 * when a replacement fails its health checks, does not serve within {@code healthyWithin}, or boots
 * another snapshot than the target (the group launches the wrong template version). When every
 * instance is replaced, it verifies the whole group.
 *
 * <p>Not thread-safe: one refresh is driven by one loop.
 */
public final class RollingRefresh {

    private final RefreshPlan plan;
    private final Duration healthyWithin;
    private final int desired;
    private final Set<String> original;
    private final Deque<String> queue;
    private String current;
    private Instant currentSince;
    private Instant blockedSince;
    private int replaced;
    private RefreshStep finalStep;

    /**
     * @param members       the group when the refresh starts
     * @param healthyWithin how long a replacement may take to serve before the refresh stops
     */
    public RollingRefresh(List<Member> members, String target, Duration healthyWithin) {
        this.plan = RefreshPlanner.plan(members, target);
        this.healthyWithin = Objects.requireNonNull(healthyWithin, "healthyWithin");
        this.desired = members.size();
        this.original = members.stream().map(Member::instanceId).collect(Collectors.toUnmodifiableSet());
        this.queue = new ArrayDeque<>(plan.replaceOrder());
        if (plan.isRefused()) {
            finalStep = new RefreshStep.Refused(plan.refusal());
        }
    }

    public RefreshPlan plan() {
        return plan;
    }

    /** Instances taken out so far. */
    public int replaced() {
        return replaced;
    }

    /** The next step, given the group as it is {@code now}. After Stopped, Done or Refused, the same step. */
    public RefreshStep next(List<Member> members, Instant now) {
        if (finalStep != null) {
            return finalStep;
        }
        String target = plan.target();
        List<Member> newcomers = members.stream().filter(m -> !original.contains(m.instanceId())).toList();
        for (Member m : newcomers) {
            if (m.version() != null && !m.runs(target)) {
                return stop("new instance " + m.instanceId() + " booted " + m.version() + ", not the target " + target
                        + ": the group launches a launch template version without the target (pinned to a number?);"
                        + " fix the group's launch template version, then refresh again", m.instanceId());
            }
            if (m.runs(target) && m.state() == Member.State.FAILED) {
                return stop("new instance " + m.instanceId() + " on " + target + " failed its health checks; the"
                        + " refresh stops with " + replaced + " of " + plan.replaceOrder().size()
                        + " replaced and the rest still serving", m.instanceId());
            }
        }
        Set<String> present = new HashSet<>();
        members.forEach(m -> present.add(m.instanceId()));
        if (current != null) {
            RefreshStep waiting = awaitReplacement(present, newcomers, now);
            if (waiting != null) {
                return waiting;
            }
        }
        while (!queue.isEmpty() && !present.contains(queue.peek())) {
            // gone by itself (scale-in, a failed health check): its successor must serve before we go on
            take(queue.poll(), now);
            RefreshStep waiting = awaitReplacement(present, newcomers, now);
            if (waiting != null) {
                return waiting;
            }
        }
        if (queue.isEmpty()) {
            finalStep = new RefreshStep.Done(Verification.of(members, target, desired));
            return finalStep;
        }
        String candidate = queue.peek();
        long serving = members.stream().filter(Member::isServing).count();
        boolean candidateServes = members.stream().anyMatch(m -> m.instanceId().equals(candidate) && m.isServing());
        if (candidateServes && serving - 1 < 1) {
            blockedSince = blockedSince == null ? now : blockedSince;
            if (Duration.between(blockedSince, now).compareTo(healthyWithin) > 0) {
                return stop("no other instance has served for " + healthyWithin.toMinutes() + " min, so " + candidate
                        + " cannot be taken out without stopping the group", candidate);
            }
            return new RefreshStep.Wait("taking out " + candidate + " now would leave no serving instance;"
                    + " waiting for another to serve");
        }
        blockedSince = null;
        take(queue.poll(), now);
        return new RefreshStep.Replace(candidate);
    }

    private void take(String instanceId, Instant now) {
        current = instanceId;
        currentSince = now;
        replaced++;
    }

    /** Null when the current replacement is done; else the step to return. */
    private RefreshStep awaitReplacement(Set<String> present, List<Member> newcomers, Instant now) {
        long servingOnTarget = newcomers.stream().filter(m -> m.runs(plan.target()) && m.isServing()).count();
        if (!present.contains(current) && servingOnTarget >= replaced) {
            current = null;
            currentSince = null;
            return null;
        }
        if (Duration.between(currentSince, now).compareTo(healthyWithin) > 0) {
            String who = present.contains(current) ? current + " was not taken out"
                    : "the instance replacing " + current + " does not serve on " + plan.target();
            return stop(who + " within " + healthyWithin.toMinutes() + " min; the refresh stops with " + replaced
                    + " of " + plan.replaceOrder().size() + " replaced", current);
        }
        return new RefreshStep.Wait(present.contains(current) ? "waiting for " + current + " to go"
                : "waiting for the replacement of " + current + " to serve on " + plan.target()
                        + " (" + servingOnTarget + " of " + replaced + " serving)");
    }

    private RefreshStep stop(String reason, String instanceId) {
        finalStep = new RefreshStep.Stopped(reason, instanceId);
        return finalStep;
    }
}
