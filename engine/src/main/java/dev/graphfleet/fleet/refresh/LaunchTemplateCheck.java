package dev.graphfleet.fleet.refresh;

import java.util.Optional;

/**
 * Does the group launch the launch template version that carries the target snapshot? The group
 * names a version as {@code $Latest}, {@code $Default} or a number (none means {@code $Default}).
 * Changing only the template's default does nothing for a group pinned to a number: the original's
 * bug, caught here before any instance is replaced.
 */
public final class LaunchTemplateCheck {

    private LaunchTemplateCheck() {
    }

    /**
     * @param groupVersion   the group's version setting ({@code $Latest}, {@code $Default}, {@code "7"}, or null)
     * @param defaultVersion the template's default version number
     * @param latestVersion  the template's latest version number
     * @param targetVersion  the version whose data-volume mapping names the target snapshot
     * @return why the group would not launch the target, or empty when it would
     */
    public static Optional<String> problem(String groupVersion, long defaultVersion, long latestVersion,
                                           long targetVersion) {
        long launched = resolve(groupVersion, defaultVersion, latestVersion);
        if (launched == targetVersion) {
            return Optional.empty();
        }
        String how = groupVersion == null || groupVersion.equals("$Default") ? "the template's default version"
                : groupVersion.equals("$Latest") ? "the template's latest version" : "version " + groupVersion
                + ", pinned by number";
        String fix = groupVersion != null && !groupVersion.startsWith("$")
                ? "set the group's launch template version to " + targetVersion + " (or $Latest), not only the"
                        + " template's default"
                : groupVersion != null && groupVersion.equals("$Latest")
                        ? "a later version replaced it; make " + targetVersion + " the latest or pin the group to it"
                        : "make version " + targetVersion + " the template's default";
        return Optional.of("the group launches " + how + " (" + launched + "), but the target snapshot is in version "
                + targetVersion + ": " + fix);
    }

    /** The version number a group launches given its setting ({@code $Latest}, {@code $Default}, a number or null). */
    public static long resolve(String groupVersion, long defaultVersion, long latestVersion) {
        if (groupVersion == null || groupVersion.equals("$Default")) {
            return defaultVersion;
        }
        if (groupVersion.equals("$Latest")) {
            return latestVersion;
        }
        try {
            return Long.parseLong(groupVersion.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("launch template version '" + groupVersion
                    + "' is not $Latest, $Default or a number");
        }
    }
}
