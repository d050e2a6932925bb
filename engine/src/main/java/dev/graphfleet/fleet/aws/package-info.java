/**
 * Thin AWS adapters of the fleet (aws-sdk-java-v2, default credentials provider chain): EC2
 * instances, volumes and snapshots by tags, Auto Scaling groups and instance refreshes, ELBv2
 * target health, the DynamoDB instance registry, and {@link dev.graphfleet.fleet.aws.AwsFleetSource}
 * that reads them all into a {@link dev.graphfleet.fleet.FleetSnapshot}. Each adapter only turns SDK
 * calls into the plain records of {@code dev.graphfleet.fleet.discovery}; every decision is there.
 */
package dev.graphfleet.fleet.aws;
