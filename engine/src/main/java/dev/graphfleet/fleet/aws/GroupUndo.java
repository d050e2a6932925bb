package dev.graphfleet.fleet.aws;

import java.util.function.Consumer;

/**
 * Puts an Auto Scaling group back on the launch template version it had before a refresh pointed it at a
 * new one, when the refresh could not start or failed: otherwise the next scale-out boots the new snapshot
 * while the old instances stay. Says what it undid, or, when the undo itself fails, the command that does it.
 *
 * @param before   what the group launched before ({@code $Default}, {@code $Latest} or a number)
 * @param launched the number {@code before} resolved to
 * @param created  the version the group was pointed at
 */
record GroupUndo(AutoScalingActions groups, String asg, AutoScalingActions.GroupLaunch before, long launched,
                 long created) {

    /** The failure, with what was undone (or why not) added to its message. */
    IllegalStateException after(RuntimeException failure, String aside, Consumer<String> progress) {
        // $Latest now names the new version: the group goes back to the number it resolved to.
        boolean wasLatest = "$Latest".equals(before.templateVersion());
        String back = wasLatest ? Long.toString(launched) : before.templateVersion();
        String pinned = wasLatest ? " (it named $Latest, which is now version " + created + ")" : "";
        String message = failure.getMessage();
        String undone;
        try {
            String now = groups.launch(asg).templateVersion();
            if (now.equals(before.templateVersion())) {
                undone = "; nothing to undo: Auto Scaling group " + asg + " still launches version " + now;
            } else {
                groups.pointAt(asg, before.templateId(), back);
                undone = "; undone: Auto Scaling group " + asg + " is back on launch template version " + back + pinned
                        + " (version " + created + " stays in the template, unused)";
            }
        } catch (RuntimeException undoFailed) {
            undone = "; NOT undone: " + AwsErrors.describe("UpdateAutoScalingGroup " + asg + " back to version " + back,
                    undoFailed) + ". The group still launches version " + created + "; put it back with: aws autoscaling "
                    + "update-auto-scaling-group --auto-scaling-group-name " + asg + " --launch-template LaunchTemplateId="
                    + before.templateId() + ",Version=" + back;
        }
        progress.accept(undone.substring(2));
        return new IllegalStateException(message + aside + undone, failure);
    }
}
