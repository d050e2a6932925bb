package dev.graphfleet.console.viewmodel;

/** Where the fleet on screen comes from; each has its own colour. */
public enum SourceKind { LOCAL, NODES, AWS }
