/**
 * A node's health as {@code /health} answers it, and how stale its data may be: the pure rule
 * ({@link dev.graphfleet.node.health.HealthRules}), the age of the data a shared node serves
 * ({@link dev.graphfleet.node.health.DataFreshness}), and the peers' view that keeps a group from
 * being drained all at once ({@link dev.graphfleet.node.health.PeerWatcher}).
 */
package dev.graphfleet.node.health;
