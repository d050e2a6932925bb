package dev.graphfleet.console.viewmodel;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The band across the top of the window that says which fleet this is, in its own colour: green
 * for the local fleet, blue for a list of nodes, amber for an AWS environment, red for production
 * (an environment named prod, production, prd or live, alone or as a word of its name).
 *
 * @param styleClass {@code env-local}, {@code env-nodes}, {@code env-aws} or {@code env-production}
 */
public record EnvironmentBadge(String label, String styleClass, boolean production) {

    private static final Pattern PRODUCTION = Pattern.compile("(^|[^a-z0-9])(prod|production|prd|live)([^a-z0-9]|$)");

    public static EnvironmentBadge of(SourceKind kind, String environment) {
        String env = environment == null ? "" : environment.trim();
        boolean production = PRODUCTION.matcher(env.toLowerCase(Locale.ROOT)).find();
        if (production) {
            String where = kind == SourceKind.AWS ? "AWS" : kind == SourceKind.NODES ? "NODES" : "LOCAL";
            return new EnvironmentBadge("PRODUCTION · " + where + " · " + env, "env-production", true);
        }
        return switch (kind) {
            case LOCAL -> new EnvironmentBadge("LOCAL FLEET · this machine", "env-local", false);
            case NODES -> new EnvironmentBadge("NODES" + (env.isEmpty() ? "" : " · " + env), "env-nodes", false);
            case AWS -> new EnvironmentBadge("AWS · " + (env.isEmpty() ? "unknown environment" : env), "env-aws", false);
        };
    }
}
