package dev.graphfleet.cli;

import dev.graphfleet.repo.RepositoryName;
import picocli.CommandLine.Option;

/** {@code --name NAME}: the repository a {@code repo} command works on ({@code repo push} also shows the pattern). */
final class RepositoryNameOption {

    @Option(names = "--name", required = true, paramLabel = "NAME", descriptionKey = "name",
            description = "Repository name, e.g. sec")
    String name;

    /** The name, checked before any file or network access: a usage error names --name. */
    RepositoryName repository() {
        return CliNames.repository(name);
    }
}
