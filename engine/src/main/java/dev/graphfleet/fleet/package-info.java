/**
 * The fleet model: writers, shared masters and replica groups as one immutable {@link
 * dev.graphfleet.fleet.FleetSnapshot} per refresh, read from a {@link dev.graphfleet.fleet.FleetSource}
 * (node URLs in {@code .nodes}, an AWS account in {@code .aws}, the local fleet).
 *
 * <p>Plain Java: no AWS SDK, no graph driver, no HTTP. Snapshot rules live in {@code .snapshot},
 * rolling refreshes in {@code .refresh}, the instance registry's interface in {@code .registry}.
 */
package dev.graphfleet.fleet;
