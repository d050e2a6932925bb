/**
 * Snapshot rules, as plain decisions: which EBS snapshot a replica group boots from (the latest
 * completed, encrypted snapshot tagged with the repository and environment), which ones are kept for
 * rollback and which are deleted, and the single-flight guard that lets only one snapshot job run.
 * The AWS calls that list and create snapshots live in {@code dev.graphfleet.fleet.aws}.
 */
package dev.graphfleet.fleet.snapshot;
