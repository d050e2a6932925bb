package dev.graphfleet.console.viewmodel;

/**
 * What one bar shows, as one value: a bar cell redraws when any part changes.
 *
 * @param fraction 0..1 of the bar filled
 * @param level    colour class: ok, busy, alarm, expand, exhausted
 * @param text     the figure with its unit, written on the bar
 */
public record Gauge(double fraction, String level, String text) {
}
