/**
 * What a cloud discovery found (instances, Auto Scaling groups, load-balancer health, volumes'
 * snapshots, registry rows, node reports) as plain records, and the assembly of those into one
 * {@link dev.graphfleet.fleet.FleetSnapshot}: how health is judged, which instance belongs where,
 * and what looks wrong. No SDK here; {@code dev.graphfleet.fleet.aws} fills the records.
 */
package dev.graphfleet.fleet.discovery;
