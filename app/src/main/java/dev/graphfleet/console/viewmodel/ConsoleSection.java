package dev.graphfleet.console.viewmodel;

/** The console's views, in tab order. */
public enum ConsoleSection {
    OVERVIEW("Overview", true),
    FLEET("Fleet", false),
    BUFFER_POOLS("Buffer pools", true),
    CONNECTIONS("Connections", true),
    VOLUMES("Volumes", false),
    ATTACHMENTS("Attachments", true);

    private final String title;
    private final boolean needsNodeDetails;

    ConsoleSection(String title, boolean needsNodeDetails) {
        this.title = title;
        this.needsNodeDetails = needsNodeDetails;
    }

    public String title() {
        return title;
    }

    /** Shows figures only the nodes' details carry (one more request per node and refresh). */
    public boolean needsNodeDetails() {
        return needsNodeDetails;
    }
}
