package dev.graphfleet.console;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What every source factory builds with, checked by {@link ConsoleOptions}: how often and how patiently the
 * fleet is read, the nodes' API key (null: none), the theme, whether actions start off, and the local
 * fleet's data directory (the console remembers it whatever the source).
 */
record SourceSettings(Duration interval, Duration timeout, String apiKey, boolean dark, boolean readOnly,
                      Path localDir) {
}
