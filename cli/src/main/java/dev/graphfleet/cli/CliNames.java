package dev.graphfleet.cli;

import dev.graphfleet.repo.RepositoryName;
import dev.graphfleet.repo.Version;

/** Repository names and versions from the command line, as usage errors that name the option. */
final class CliNames {

    private CliNames() {
    }

    static RepositoryName repository(String name) {
        try {
            return RepositoryName.of(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--name: " + e.getMessage());
        }
    }

    static Version version(String version) {
        try {
            return Version.parse(version);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--repo-version: " + e.getMessage());
        }
    }
}
