/** The instance registry's interface and rows; the DynamoDB adapter is in {@code dev.graphfleet.fleet.aws}. */
package dev.graphfleet.fleet.registry;
