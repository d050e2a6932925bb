/**
 * Rolling refresh of a replica group onto a new snapshot, as plain decisions: the plan (which
 * instances, in which order, or why not), the step-by-step machine that replaces one instance at a
 * time and stops when one fails, and the verification that every instance really runs the target
 * snapshot afterwards. The caller observes the group (a {@link dev.graphfleet.fleet.FleetSnapshot})
 * and carries out the steps.
 */
package dev.graphfleet.fleet.refresh;
