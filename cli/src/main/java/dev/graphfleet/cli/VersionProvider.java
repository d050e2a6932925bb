package dev.graphfleet.cli;

import picocli.CommandLine;

/** Reads the version Maven stamped into the jar manifest; "dev" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = GraphfleetCli.class.getPackage().getImplementationVersion();
        return new String[] {"graphfleet " + (version == null ? "dev" : version)};
    }
}
